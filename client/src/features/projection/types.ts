/** Types of the projection workbench: the server's outputs and the models' scenario JSON (types only, no code). */
import type { RouterOutputs } from '../../lib/trpc.ts';
import type { Assumption, EmployeeScenario, ResidentScenario, Scenario } from '../../../../models/index.ts';

export type { Assumption, EmployeeScenario, ResidentScenario, Scenario };
export type Scheme = Scenario['scheme'];

export type ScenarioListRow = RouterOutputs['projection']['scenarios'][number];
export type ScenarioVersion = RouterOutputs['projection']['scenario'];
export type CalibratedScenario = RouterOutputs['projection']['calibrate'];
export type CalibrationNote = CalibratedScenario['notes'][number];
export type RunView = RouterOutputs['projection']['run'];
export type RunListRow = RouterOutputs['projection']['runs'][number];
export type RunStatus = RunView['status'];
export type ProjectionResult = NonNullable<RunView['deterministic']>;
export type ProjectionYear = ProjectionResult['years'][number];
export type FinancingYear = ProjectionResult['financing']['years'][number];
export type StochasticResult = NonNullable<RunView['stochastic']>;
export type Tornado = RouterOutputs['projection']['sensitivity'];
export type TornadoBar = Tornado['bars'][number];
export type SolveResult = RouterOutputs['projection']['solve'];
export type ComparedScenario = RouterOutputs['projection']['compare'][number];
export type FundRow = RouterOutputs['fund']['overview']['rows'][number];
export type TierThresholds = RouterOutputs['fund']['overview']['params']['thresholds'];

/** A scenario being edited: unsaved (from a fund, blank or a saved version) with what the save should record. */
export interface ScenarioDraft {
  scenario: Scenario;
  /** The version it was opened from; saving makes the next version of its lineage. Absent: a new scenario. */
  fromId?: number;
  regionId?: number | null;
  fundId?: number | null;
  dataVintage?: string;
  /** Where the opening values came from, shown beside them. */
  origin: 'calibrated' | 'example' | 'saved';
  /** The calibration notes when the draft came from a fund. */
  notes?: readonly CalibrationNote[];
  /** The calibrated scenario as it came from the server, to mark values edited since. */
  calibrated?: Scenario;
}
