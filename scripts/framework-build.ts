// Framework's `observable build`, writing the site into the folder given as first argument instead
// of the config's dist/ (scripts/framework.ts then swaps it in only on success). Run through tsx so
// that observablehq.config.ts loads as it does for the CLI.
//   tsx scripts/framework-build.ts <output> [--config <file>] [--root <dir>]

export {}; // a module (top-level await)

// Framework ships no types for its internals: the two functions the CLI's build command calls.
const framework = "@observablehq/framework/dist";
const {build} = (await import(`${framework}/build.js`)) as {build(options: {config: object}): Promise<void>};
const {readConfig} = (await import(`${framework}/config.js`)) as {
  readConfig(config?: string, root?: string): Promise<object>;
};

const [output, ...rest] = process.argv.slice(2);
if (!output) {
  console.error("usage : tsx scripts/framework-build.ts <dossier de sortie>");
  process.exit(2);
}
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const config = await readConfig(option("config"), option("root"));
try {
  await build({config: {...config, output}});
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
