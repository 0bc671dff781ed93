import { AtlasError } from '../../shared/api/errors.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { layersCommand } from './commands/layers.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { USAGE, UsageError } from './usage.ts';

/** Runs one CLI command; returns the process exit code and never throws. */
export async function runCli(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return initCommand(rest, out);
      case 'layers':
        return layersCommand(rest, out);
      case 'analyze':
        return analyzeCommand(rest, out);
      case 'import':
        return await importCommand(rest, out, err);
      case 'export':
        return await exportCommand(rest, out, err);
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
