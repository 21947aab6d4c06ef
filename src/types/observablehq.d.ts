// Types for the modules Observable Framework provides to the browser code of the site.
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    name: string;
    mimeType: string;
    url(): Promise<string>;
    href: string;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<any>;
  }
  export function FileAttachment(path: string): FileAttachmentHandle;
}
