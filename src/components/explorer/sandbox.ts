// A cell's sandbox, seen from the page: an iframe with an opaque origin (sandbox="allow-scripts",
// no allow-same-origin: no access to the site's cookies, storage or DOM, no navigation of the
// page, no pop-up) whose Content-Security-Policy allows one script — the sandbox's own bundle from
// this site — and no network at all. Code and values go in, results come out, by postMessage.
// « Arrêter » removes the iframe (its process stops running the cell) and makes a new one.
import {FileAttachment} from "observablehq:stdlib";
import {el} from "../ui/dom.js";
import {CellRunError} from "../../lib/notebook/reactive.js";
import type {RunRequest, SandboxMessage} from "../../sandbox/protocol.js";

const BUNDLE = FileAttachment("../../sandbox/bundle.js");

/** The policy of every sandbox document: its own script, inline styles, data images; nothing else. */
export function sandboxPolicy(bundleUrl: string): string {
  return [
    "default-src 'none'",
    // 'unsafe-eval': the cells' code is compiled in the sandbox (new Function); no script from elsewhere.
    // 'unsafe-inline' adds nothing to what compiled cells can do, and Inputs' templates (htl) write
    // their handlers as attributes for a moment before setting them as properties: Chromium reports
    // each as a violation otherwise.
    `script-src ${bundleUrl} 'unsafe-eval' 'unsafe-inline'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "media-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "form-action 'none'",
    "base-uri 'none'"
  ].join("; ");
}

function attribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function srcdoc(bundleUrl: string): string {
  return `<!doctype html><html lang="fr" data-parent="${attribute(location.origin)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(sandboxPolicy(bundleUrl))}">
<style>html,body{margin:0;padding:0;background:transparent;color:#1b1f24;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
#root{padding:.25rem 0;overflow-x:auto}#root>*{margin:.25rem 0}svg{max-width:100%;height:auto}
.markdown>:first-child{margin-top:0}.markdown>:last-child{margin-bottom:0}</style></head>
<body><div id="root"></div><script src="${attribute(bundleUrl)}"></script></body></html>`;
}

let pagePolicyInstalled = false;

/**
 * The page's own policy for frames: none may load anything (the sandboxes are srcdoc documents,
 * which it does not block). Without it, a cell could navigate its own iframe to another site and
 * carry data in the address: a sandbox's policy cannot forbid its own navigation, its parent's can.
 */
export function installFramePolicy(): void {
  if (pagePolicyInstalled) return;
  pagePolicyInstalled = true;
  document.head.append(el("meta", {"http-equiv": "Content-Security-Policy", content: "frame-src 'none'"}));
}

export interface RunResult {
  outputs: Record<string, unknown>;
}

interface Pending {
  run: number;
  resolve(result: RunResult): void;
  reject(error: Error): void;
  onView?(name: string, value: unknown): void;
}

export class Sandbox {
  readonly element = el("div", {class: "sandbox-host"});
  private frame: HTMLIFrameElement | null = null;
  private ready: Promise<void> | null = null;
  private runs = 0;
  private pending: Pending | null = null;
  private readonly listener = (event: MessageEvent) => this.receive(event);

  constructor(private readonly title: string) {
    addEventListener("message", this.listener);
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const frame = el("iframe", {
      class: "sandbox-frame",
      title: this.title,
      sandbox: "allow-scripts",
      referrerpolicy: "no-referrer"
    }) as HTMLIFrameElement;
    this.frame = frame;
    this.ready = (async () => {
      const url = new URL(BUNDLE.href, location.href).href;
      await new Promise<void>((resolve, reject) => {
        this.onReady = resolve;
        frame.srcdoc = srcdoc(url);
        this.element.replaceChildren(frame);
        setTimeout(
          () => reject(new CellRunError("Le bac à sable de la cellule n'a pas démarré (10 s) : rechargez la page.")),
          10_000
        );
      });
    })();
    this.ready.catch(() => (this.ready = null));
    return this.ready;
  }

  private onReady: () => void = () => {};

  private receive(event: MessageEvent): void {
    // Only this sandbox's window speaks to it; any other message is someone else's.
    if (!this.frame || event.source !== this.frame.contentWindow) return;
    const message = event.data as SandboxMessage;
    if (message?.type === "ready") return this.onReady();
    if (message?.type === "height") {
      this.frame.style.height = `${Math.min(Math.max(0, Number(message.height) || 0), 4000)}px`;
      return;
    }
    const pending = this.pending;
    if (!pending || (message as {run?: number}).run !== pending.run) return;
    if (message.type === "done") {
      pending.resolve({outputs: message.outputs ?? {}});
      return;
    }
    if (message.type === "error") {
      this.pending = null;
      pending.reject(new CellRunError(`Erreur à l'exécution : ${String(message.message)}`));
      return;
    }
    if (message.type === "view") pending.onView?.(String(message.name), message.value);
  }

  /** Runs the cell's code; `onView` hears every later value of its named views. */
  async run(
    request: Omit<RunRequest, "type" | "run">,
    onView?: (name: string, value: unknown) => void
  ): Promise<RunResult> {
    this.pending?.reject(new CellRunError("Exécution remplacée par une nouvelle."));
    await this.start();
    const run = ++this.runs;
    return new Promise<RunResult>((resolve, reject) => {
      this.pending = {run, resolve, reject, onView};
      this.frame!.contentWindow!.postMessage({type: "run", run, ...request} satisfies RunRequest, "*");
    });
  }

  get running(): boolean {
    return this.pending !== null;
  }

  /** Stops whatever the cell is doing: its iframe goes, a fresh one comes at the next run. */
  stop(reason = "Exécution arrêtée : la cellule ne tournait plus. Modifiez-la, puis relancez-la."): void {
    const pending = this.pending;
    this.pending = null;
    this.frame?.remove();
    this.frame = null;
    this.ready = null;
    pending?.reject(new CellRunError(reason));
  }

  /** A run that finished keeps listening to its views until the next one. */
  settle(): void {
    // Nothing to do: the pending entry stays for view messages; a new run replaces it.
  }

  destroy(): void {
    this.stop("Cellule supprimée.");
    removeEventListener("message", this.listener);
    this.element.remove();
  }
}
