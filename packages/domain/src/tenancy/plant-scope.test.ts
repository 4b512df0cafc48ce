import { describe, expect, it } from 'vitest';
import { hasAllPlants, isPlantInScope, plantScopeOnChild, plantScopeOnPlant } from './plant-scope.ts';

describe('plant scope', () => {
  it('no plant rows on the membership means every plant', () => {
    const all = { plantIds: [] };
    expect(hasAllPlants(all)).toBe(true);
    expect(isPlantInScope(all, 'p-9')).toBe(true);
    expect(plantScopeOnPlant(all)).toEqual({});
    expect(plantScopeOnChild(all)).toEqual({});
  });

  it('a listed plant scope restricts plants and their children', () => {
    const scoped = { plantIds: ['p-1'] };
    expect(hasAllPlants(scoped)).toBe(false);
    expect(isPlantInScope(scoped, 'p-1')).toBe(true);
    expect(isPlantInScope(scoped, 'p-2')).toBe(false);
    expect(plantScopeOnPlant(scoped)).toEqual({ id: { in: ['p-1'] } });
    expect(plantScopeOnChild(scoped)).toEqual({ plantId: { in: ['p-1'] } });
  });
});
