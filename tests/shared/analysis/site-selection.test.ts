import { describe, expect, it } from 'vitest';
import { catchmentStraight } from '../../../shared/analysis/catchment-straight.ts';
import { selectSites } from '../../../shared/analysis/site-selection.ts';
import { expectOutput, readInput } from './fixtures.ts';

const CASE = 'site-selection';

function setup() {
  const candidates = readInput(CASE, 'candidates.geojson');
  const residential = readInput(CASE, 'residential.geojson');
  const { distance, k } = candidates.properties as { distance: number; k: number };
  return { residential, candidates: catchmentStraight(candidates, { distance }), k };
}

describe('selectSites (greedy maximal coverage)', () => {
  it('picks the obviously best site first: the one among the dense blocks', () => {
    const { residential, candidates, k } = setup();
    const result = selectSites(residential, candidates, { k });
    expect(result.weight).toBe('population');
    expect(result.picks.map((p) => p.candidate)).toEqual([2, 1]);
    expect(result.picks[0].gain).toBeGreaterThan(result.picks[1].gain);
    expect(result.shareBefore).toBe(0);
    expect(result.picks[1].shareAfter).toBeGreaterThan(result.picks[0].shareAfter);
    expectOutput(CASE, 'picks.json', result);
  });

  it('by area the two clusters tie, and a site that covers nothing is never worth anything', () => {
    const { residential, candidates } = setup();
    const result = selectSites(residential, candidates, { k: 3, weight: 'area' });
    expect(Math.abs(result.picks[0].gainArea / result.picks[1].gainArea - 1)).toBeLessThan(1e-4);
    expect(result.picks[2]).toMatchObject({ candidate: 0, gain: 0 });
  });

  it('counts only what is not covered already', () => {
    const { residential, candidates } = setup();
    // With the west cluster's site already built, the east one is the best addition.
    const existing = { ...candidates, pieces: candidates.pieces.filter((p) => p.facility === 2) };
    const result = selectSites(residential, { ...candidates, pieces: candidates.pieces.filter((p) => p.facility !== 2) }, { k: 1, existing });
    expect(result.picks.map((p) => p.candidate)).toEqual([1]);
    expect(result.shareBefore).toBeGreaterThan(0);
  });

  it('explains bad input', () => {
    const { residential, candidates } = setup();
    expect(() => selectSites(residential, candidates, { k: -1 })).toThrow(/k must be a whole number/);
    expect(() => selectSites(residential, { ...candidates, pieces: candidates.pieces.map((p) => ({ ...p, facility: -1 })) }, { k: 1 })).toThrow(/per facility/);
    expect(() => selectSites(residential, candidates, { k: 1, weight: 'population', populationField: null })).toThrow(/population field/);
  });
});
