import { describe, expect, it } from 'vitest';
import type { Codebook } from '../model/codebook';
import { diffCodebooks } from './diff';
import { addValue, renameValue, reorderValues, retireValue, updateCodebookInfo, updateDefinition, updateType } from './edit';
import { getPreset } from './presets';

const base = (): Codebook => getPreset('preset:security-cooperation')!;

describe('diffCodebooks', () => {
  it('finds nothing between a codebook and itself', () => {
    expect(diffCodebooks(base(), base())).toEqual([]);
  });

  it('describes each edit between two versions, matching values by key', () => {
    const v1 = base();
    let v = addValue(v1, 'topics', { key: 'arms-control', label: 'Arms control', definition: 'Limits on weapons.' });
    v = renameValue(v, 'topics', 'cyber-security', 'Cybersecurity');
    v = retireValue(v, 'modes', 'video');
    v = updateDefinition(v, 'roles', 'host', { definition: 'Receives the visit.' });
    v = updateType(v, 'AGREE', { rule: { minParticipants: 2, needsRecipient: false, modes: [] }, shortcut: 'g' });
    v = updateCodebookInfo(v, { name: 'Ours' });

    const changes = diffCodebooks(v1, v);
    expect(changes.map((c) => c.summary)).toEqual([
      'Changed the name: "Security cooperation (PLOVER-aligned)" → "Ours".',
      'Changed the rule of type AGREE: at least 1, no recipient needed, no mode → at least 2, no recipient needed, no mode.',
      'Changed the shortcut of type AGREE: "a" → "g".',
      'Retired mode "Video call" (video).',
      'Renamed topic cyber-security: "Cyber security" → "Cybersecurity".',
      'Added topic "Arms control" (arms-control).',
      'Changed the definition or examples of role "Host" (host).',
    ]);
    expect(changes.find((c) => c.kind === 'renamed')).toMatchObject({ list: 'topics', key: 'cyber-security', from: 'Cyber security', to: 'Cybersecurity' });
  });

  it('reports a reorder, but not an addition at the end as one', () => {
    const v1 = base();
    const added = addValue(v1, 'roles', { key: 'observer', label: 'Observer', definition: 'Watches.' });
    expect(diffCodebooks(v1, added).map((c) => c.kind)).toEqual(['added']);
    const keys = v1.roles.map((r) => r.key);
    const moved = reorderValues(v1, 'roles', [keys[1], keys[0], ...keys.slice(2)]);
    const [change] = diffCodebooks(v1, moved);
    expect(change).toMatchObject({ kind: 'reordered', list: 'roles', from: keys, to: [keys[1], keys[0], ...keys.slice(2)] });
  });

  it('reports a value missing from the newer codebook (possible between imported files)', () => {
    const v1 = base();
    const v2 = { ...v1, version: 2, outcomes: v1.outcomes.filter((o) => o.key !== 'joint-statement') };
    expect(diffCodebooks(v1, v2)).toEqual([
      {
        kind: 'removed',
        list: 'outcomes',
        key: 'joint-statement',
        label: 'Joint statement',
        summary: 'Removed outcome "Joint statement" (joint-statement); records using it will show it as unknown.',
      },
    ]);
  });
});
