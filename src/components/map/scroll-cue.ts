// A wide table in a narrow screen scrolls sideways: say so, in words and with shadows at the edges
// that hide columns (the CSS of .table-scroll.is-scrollable), so that no column is missed.
import {el} from "../ui/dom.js";

/** Adds the cue to a `.table-scroll` box (from sortableTable), shown only while its table overflows. */
export function withScrollCue(scroller: HTMLElement): HTMLElement {
  const cue = el(
    "p",
    {class: "scroll-cue", "aria-hidden": "true"},
    "Faites glisser le tableau pour voir toutes les colonnes →"
  );
  const check = () => {
    const overflowing = scroller.scrollWidth > scroller.clientWidth + 1;
    scroller.classList.toggle("is-scrollable", overflowing);
    cue.hidden = !overflowing;
    // Once the reader reaches the right edge, the arrow has done its job.
    cue.classList.toggle("at-end", scroller.scrollLeft + scroller.clientWidth >= scroller.scrollWidth - 2);
  };
  scroller.addEventListener("scroll", check, {passive: true});
  // A ResizeObserver reports after the browser's own layout, so reading the widths costs nothing;
  // a check in requestAnimationFrame forced a layout of the whole page before its first paint
  // (~100 ms on /carte, traced). Observing the table too catches new rows that widen it.
  if (typeof ResizeObserver === "function") {
    const observer = new ResizeObserver(check);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
  } else if (typeof requestAnimationFrame === "function") requestAnimationFrame(check);
  cue.hidden = true;
  return el("div", {class: "table-with-cue"}, cue, scroller);
}
