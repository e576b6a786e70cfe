import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O }>>['values'];

/**
 * Reads the command line, or prints the usage and exits: 0 for --help, 2 for a mistake (an unknown
 * option or a stray argument), never a stack trace. Every tool of the load generator reads its
 * options here so `--help` works the same in each.
 */
export function readArgs<O extends ParseArgsOptionsConfig>(
  usage: string,
  options: O,
  argv: string[] = process.argv.slice(2),
): Values<O> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: false }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

/** What a load run counts as failed: the exit code must say so, for scripts and CI. */
export function findRunFailures(result: {
  errorCount: number;
  verification: { lostAcknowledgedAnswers: number; scoreMismatches: number; notSubmitted: number };
}): string[] {
  const failures: string[] = [];
  const v = result.verification;
  if (v.lostAcknowledgedAnswers > 0) failures.push(`${v.lostAcknowledgedAnswers} acknowledged answers lost`);
  if (v.scoreMismatches > 0) failures.push(`${v.scoreMismatches} scores differ from the core's`);
  if (v.notSubmitted > 0) failures.push(`${v.notSubmitted} attempts never submitted`);
  if (result.errorCount > 0) failures.push(`${result.errorCount} errors during the run`);
  return failures;
}
