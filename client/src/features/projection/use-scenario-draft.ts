/**
 * The draft in the editor and the stored version it came from: opening a version (the URL's id)
 * loads it as the draft (versions are immutable and cached for good, so edits are never
 * overwritten by a refetch); a new draft (from a fund or the example) lives only here until saved.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc.ts';
import type { ScenarioDraft, ScenarioVersion } from './types.ts';

/** The draft of a stored version. */
export function draftOfVersion(v: ScenarioVersion): ScenarioDraft {
  return { scenario: v.scenario, fromId: v.id, regionId: v.regionId, fundId: v.fundId, dataVintage: v.dataVintage, origin: 'saved' };
}

export function useScenarioDraft(id: number | undefined) {
  const version = useQuery({ ...trpc.projection.scenario.queryOptions({ id: id ?? 0 }), enabled: id !== undefined, staleTime: Infinity });
  const [draft, setDraft] = useState<ScenarioDraft>();
  const loaded = id === undefined ? undefined : version.data;
  // Only a newly loaded version replaces the draft: reacting to the draft too would, in the render
  // before the URL catches up (react-router navigates in a transition), put the old version back
  // over a draft just started from a fund.
  useEffect(() => {
    if (loaded) setDraft(draftOfVersion(loaded));
  }, [loaded]);
  // Calibration notes and values for a version saved from a fund; the values mark what was edited
  // only while the fund's data is the vintage the version was calibrated on.
  const calibration = useQuery({
    ...trpc.projection.calibrate.queryOptions({ fundId: draft?.fundId ?? 0 }),
    enabled: draft?.origin === 'saved' && typeof draft.fundId === 'number',
    staleTime: Infinity,
  });
  const sameVintage = calibration.data !== undefined && calibration.data.dataVintage === draft?.dataVintage;
  const shown: ScenarioDraft | undefined = draft && draft.origin === 'saved' && calibration.data
    ? { ...draft, notes: calibration.data.notes, ...(sameVintage ? { calibrated: calibration.data.scenario } : {}) }
    : draft;
  const current = draft?.fromId === undefined || draft.fromId === loaded?.id ? shown : undefined;
  const dirty = current !== undefined && loaded !== undefined && JSON.stringify(current.scenario) !== JSON.stringify(loaded.scenario);
  return { version, loaded, draft: current, setDraft, dirty };
}
