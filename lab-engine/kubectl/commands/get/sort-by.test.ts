import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { isLess, sortObjects } from './sort-by';

const cm = (name: string, n?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: n === undefined ? {} : { n } } }) as unknown as KubeObject;

describe('--sort-by (sorter.go isLess + Go sort.Sort)', () => {
  it('compares strings byte-wise and quantities as quantities', () => {
    expect(isLess('a10', 'a9')).toBe(true); // not natural order (kubectl v1.32.4)
    expect(isLess('A5', 'a-1')).toBe(true);
    expect(isLess('900Mi', '1Gi')).toBe(true);
    expect(isLess('20m', '3')).toBe(true);
    expect(isLess('10', 'x')).toBe(true);
    expect(isLess(2, 10)).toBe(true);
  });

  it('orders 40 objects with ties and missing keys exactly as the real kubectl did', () => {
    // server order (by name) and label n; '' = no label. Recorded from kubectl v1.32.4:
    // get cm -l grp=t --sort-by=.metadata.labels.n -o name
    const input: [string, string][] = [['cm00443', ''], ['cm00696', '2'], ['cm01718', '10'], ['cm06796', '2'], ['cm09428', '2'], ['cm14838', '3'], ['cm17333', '1'], ['cm21752', '2'],
      ['cm21821', '3'], ['cm23811', '10'], ['cm25805', ''], ['cm28243', '2'], ['cm28407', ''], ['cm32318', ''], ['cm32643', '10'], ['cm34578', '1'], ['cm36632', '2'], ['cm39162', '1'],
      ['cm40626', '3'], ['cm41110', '2'], ['cm43496', '3'], ['cm44288', '1'], ['cm47341', ''], ['cm51044', '2'], ['cm58305', '2'], ['cm61030', 'x'], ['cm61481', 'x'], ['cm69473', '1'],
      ['cm70677', '10'], ['cm71271', '1'], ['cm75227', '2'], ['cm79050', ''], ['cm80992', ''], ['cm81644', '3'], ['cm82015', '2'], ['cm88858', '10'], ['cm90498', 'x'], ['cm96979', '10'],
      ['cm97227', '3'], ['cm99867', 'x']];
    const real = ['cm32318', 'cm25805', 'cm28407', 'cm00443', 'cm79050', 'cm80992', 'cm47341', 'cm17333', 'cm44288', 'cm39162', 'cm69473', 'cm34578', 'cm71271', 'cm75227', 'cm58305',
      'cm28243', 'cm36632', 'cm82015', 'cm00696', 'cm41110', 'cm06796', 'cm09428', 'cm21752', 'cm51044', 'cm43496', 'cm40626', 'cm97227', 'cm14838', 'cm81644', 'cm21821', 'cm01718',
      'cm32643', 'cm70677', 'cm23811', 'cm88858', 'cm96979', 'cm61030', 'cm90498', 'cm61481', 'cm99867'];
    const objs = input.map(([name, n]) => cm(name, n || undefined));
    expect(sortObjects(objs, (o) => o, '.metadata.labels.n').map((o) => o.metadata.name)).toEqual(real);
  });

  it("fails like kubectl when no object has the field", () => {
    expect(() => sortObjects([cm('a')], (o) => o, '.spec.nope')).toThrow('couldn\'t find any field with path "{.spec.nope}" in the list of objects');
  });
});
