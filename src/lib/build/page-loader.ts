// Page loaders (src/**/[param].md.ts) write a page's Markdown: its title in the front matter (so
// that the static <title> names the commune or programme) and a code block that composes it.

/** The value of `--name=value` among a loader's arguments. */
export function pageParam(name: string, argv = process.argv): string {
  const prefix = `--${name}=`;
  const arg = argv.find((a) => a.startsWith(prefix));
  if (!arg) throw new Error(`paramètre --${name} manquant`);
  return arg.slice(prefix.length);
}

/**
 * Markdown for a page: YAML front matter (values JSON-encoded, hence safely quoted), preload links
 * for the files its first view needs (fetched while its modules load), and JS code.
 */
export function pageMarkdown(
  frontMatter: Record<string, string | boolean>,
  code: string,
  preload: string[] = []
): string {
  const yaml = Object.entries(frontMatter).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  const links = preload
    .map((file) => `<link rel="preload" href="${file}" as="fetch" crossorigin="anonymous">\n`)
    .join("");
  return `---\n${yaml.join("\n")}\n---\n\n${links ? `${links}\n` : ""}\`\`\`js\n${code.trim()}\n\`\`\`\n`;
}
