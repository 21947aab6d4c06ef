// Example notebooks, each opened in one click.
import {el} from "../ui/dom.js";
import type {ExampleNotebook} from "../../lib/notebook/examples.js";
import {uid} from "./ids.js";

export function examplesMenu(examples: ExampleNotebook[], open: (example: ExampleNotebook) => void): HTMLElement {
  const titleId = uid("examples-title");
  return el(
    "section",
    {class: "examples", "aria-labelledby": titleId},
    el("h2", {id: titleId}, "Carnets d'exemple"),
    el(
      "ul",
      {class: "example-list"},
      examples.map((example) =>
        el(
          "li",
          {},
          el(
            "button",
            {type: "button", class: "example", "data-example": example.id, onclick: () => open(example)},
            el("span", {class: "example-title"}, example.title),
            el("span", {class: "example-description"}, example.description)
          )
        )
      )
    )
  );
}
