import { AtlasError } from '../../shared/api/errors.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { USAGE, UsageError } from './usage.ts';

/**
 * Runs one CLI command; returns the process exit code and never throws. Each command is loaded when it
 * is run: `import` need not load what `init` and `analyze` use (the demo's seeds, turf), which took
 * over a second of every start.
 */
export async function runCli(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return (await import('./commands/init.ts')).initCommand(rest, out);
      case 'layers':
        return (await import('./commands/layers.ts')).layersCommand(rest, out);
      case 'analyze':
        return (await import('./commands/analyze.ts')).analyzeCommand(rest, out);
      case 'runs':
        return await (await import('./commands/runs.ts')).runsCommand(rest, out, err);
      case 'import':
        return await (await import('./commands/import.ts')).importCommand(rest, out, err);
      case 'export':
        return await (await import('./commands/export.ts')).exportCommand(rest, out, err);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(USAGE + '\n');
        return command ? EXIT.ok : EXIT.usage;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      err.write(`renewal-atlas: ${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (e instanceof AtlasError) {
      err.write(`renewal-atlas: error: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    err.write(`renewal-atlas: unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return EXIT.failure;
  }
}
