/**
 * `npx fundrisk <command>`: the command line over the same services the server uses. Only the
 * invoked command's module is loaded (the database, spreadsheet and model stacks cost about a
 * second of start-up together); `--help` and unknown commands load them all.
 */
import { Command } from 'commander';
import { CliError } from './io.ts';

type Register = (program: Command) => void;

/** Top-level command name → the module that registers it, in help order. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  warn: async () => (await import('./commands/warn.ts')).registerWarn,
  allocate: async () => (await import('./commands/allocate.ts')).registerAllocate,
  settle: async () => (await import('./commands/settle.ts')).registerSettle,
  import: async () => (await import('./commands/import.ts')).registerImport,
  user: async () => (await import('./commands/user.ts')).registerUser,
  export: async () => (await import('./commands/export.ts')).registerExport,
  forecast: async () => (await import('./commands/forecast.ts')).registerForecast,
  backtest: async () => (await import('./commands/backtest.ts')).registerBacktest,
  project: async () => (await import('./commands/project.ts')).registerProject,
  maintenance: async () => (await import('./commands/maintenance.ts')).registerMaintenance,
};
/** Commands registered by a module of another name. */
const MODULE_OF: Record<string, string> = { backup: 'maintenance', restore: 'maintenance', audit: 'maintenance' };

const program = new Command()
  .name('fundrisk')
  .description('Actuarial risk modelling and forecasting for medical insurance funds (医疗保障基金精算风险)')
  .version('0.1.0')
  .showHelpAfterError();

try {
  const requested = process.argv[2] ?? '';
  const moduleName = MODULE_OF[requested] ?? requested;
  const only = COMMANDS[moduleName];
  for (const load of only ? [only] : Object.values(COMMANDS)) (await load())(program);
  await program.parseAsync(process.argv);
} catch (err) {
  const message = err instanceof CliError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`fundrisk: ${message}\n`);
  process.exitCode = 1;
}
