/** `npx fundrisk <command>`: the command line over the same services the server uses. */
import { Command } from 'commander';
import { registerWarn } from './commands/warn.ts';
import { registerImport } from './commands/import.ts';
import { registerUser } from './commands/user.ts';
import { registerExport } from './commands/export.ts';
import { registerMaintenance } from './commands/maintenance.ts';
import { registerForecast } from './commands/forecast.ts';
import { registerBacktest } from './commands/backtest.ts';
import { CliError } from './io.ts';

const program = new Command()
  .name('fundrisk')
  .description('Actuarial risk modelling and forecasting for medical insurance funds (医疗保障基金精算风险)')
  .version('0.1.0')
  .showHelpAfterError();

registerWarn(program);
registerImport(program);
registerUser(program);
registerExport(program);
registerForecast(program);
registerBacktest(program);
registerMaintenance(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const message = err instanceof CliError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`fundrisk: ${message}\n`);
  process.exitCode = 1;
}
