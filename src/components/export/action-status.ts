// An export menu's status line: an action that fails says so in French beside the menu, and the
// next action clears it.
import {el} from "../ui/dom.js";

/** The status element (a live region) and a wrapper that runs an action under it. */
export function actionStatus(): {
  status: HTMLElement;
  run: (label: string, action: () => Promise<void> | void) => () => Promise<void>;
} {
  const status = el("span", {class: "export-status", role: "status"});
  const run = (label: string, action: () => Promise<void> | void) => async () => {
    try {
      status.textContent = "";
      await action();
    } catch (error) {
      status.textContent = `${label} impossible : ${(error as Error).message}`;
    }
  };
  return {status, run};
}
