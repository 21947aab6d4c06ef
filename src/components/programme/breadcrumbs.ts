// The programme page's breadcrumb (programme › section › indicator): the levels above the view as
// drill-down links, the view itself as the current page — named, not a link to itself — and nothing
// on the programme's overview, where the one crumb would be the page alone.
import type {Programme} from "../../lib/programmes.js";
import {programmeHref} from "../../lib/routes.js";
import {el} from "../ui/dom.js";

export function breadcrumbs(
  programme: Programme,
  label: string,
  section: string | null,
  indicator: string | null
): (HTMLElement | string)[] {
  const levels = [
    {text: label, href: programmeHref(programme)},
    ...(section ? [{text: section, href: programmeHref(programme, {section})}] : []),
    ...(indicator ? [{text: indicator, href: ""}] : [])
  ];
  if (levels.length < 2) return [];
  return levels.flatMap((level, i) => {
    const crumb =
      i === levels.length - 1
        ? // Focusable by script: a drill-down moves the focus to the view it opens.
          el("span", {"aria-current": "page", tabindex: "-1"}, level.text)
        : el("a", {href: level.href, "data-drill": ""}, level.text);
    return i === 0 ? [crumb] : [" › ", crumb];
  });
}
