import { describe, expect, it } from 'vitest';
import { SchedulerCache } from './cache';
import { imageLocality, IMAGE_NODE_COUNTS } from './plugins/image-locality';
import { nodeResourcesFit } from './plugins/node-resources-fit';
import type { KubeObject } from '../api/types';
import type { CycleState } from './types';

const MB = 1024 * 1024;

function node(name: string, images: { names: string[]; sizeBytes: number }[], allocatable: Record<string, string> = { cpu: '2', memory: '4Gi', pods: '110' }): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { allocatable, capacity: allocatable, images } };
}

function pod(image: string, requests: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image, resources: { requests } }] } };
}

describe('scheduler cache image counts (imageStates.NumNodes)', () => {
  it('counts the nodes holding each image through node adds, image changes and removals', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(node('a', [{ names: ['docker.io/library/nginx:1.27'], sizeBytes: 70 * MB }]));
    cache.upsertNode(node('b', [{ names: ['docker.io/library/nginx:1.27', 'docker.io/library/redis:7'], sizeBytes: 70 * MB }]));
    expect(Object.fromEntries(cache.imageNodeCounts)).toEqual({ 'docker.io/library/nginx:1.27': 2, 'docker.io/library/redis:7': 1 });
    cache.upsertNode(node('b', [{ names: ['docker.io/library/redis:7'], sizeBytes: 40 * MB }]));
    expect(Object.fromEntries(cache.imageNodeCounts)).toEqual({ 'docker.io/library/nginx:1.27': 1, 'docker.io/library/redis:7': 1 });
    cache.removeNode('a');
    expect(Object.fromEntries(cache.imageNodeCounts)).toEqual({ 'docker.io/library/redis:7': 1 });
  });

  it('gives ImageLocality the same scores as counting over every node', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(node('a', [{ names: ['docker.io/library/nginx:1.27'], sizeBytes: 300 * MB }]));
    cache.upsertNode(node('b', [{ names: ['docker.io/library/nginx:1.27'], sizeBytes: 300 * MB }]));
    cache.upsertNode(node('c', []));
    const all = cache.list();
    const p = pod('nginx:1.27');
    const withCounts: CycleState = new Map([[IMAGE_NODE_COUNTS, cache.imageNodeCounts]]);
    const scanned = all.map((n) => imageLocality.score!(p, n, new Map(), all));
    expect(all.map((n) => imageLocality.score!(p, n, withCounts, all))).toEqual(scanned);
    expect(scanned[0]).toBeGreaterThan(0);
    expect(scanned[2]).toBe(0);
  });
});

describe('NodeResourcesFit', () => {
  it('reports pods, cpu, memory, then extended resources in name order, and nothing when the pod fits', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(node('small', [], { cpu: '1', memory: '1Gi', pods: '0', 'nvidia.com/gpu': '0', 'example.com/foo': '0' }));
    const info = cache.list()[0];
    const greedy = pod('nginx', { cpu: '2', memory: '2Gi', 'nvidia.com/gpu': '1', 'example.com/foo': '1' });
    expect(nodeResourcesFit.filter!(greedy, info, new Map())?.reasons).toEqual(['Too many pods', 'Insufficient cpu', 'Insufficient memory', 'Insufficient example.com/foo', 'Insufficient nvidia.com/gpu']);
    cache.upsertNode(node('big', [], { cpu: '4', memory: '8Gi', pods: '110' }));
    const big = cache.list()[0];
    expect(nodeResourcesFit.filter!(pod('nginx', { cpu: '1' }), big, new Map())).toBeUndefined();
    expect(nodeResourcesFit.score!(pod('nginx', { cpu: '1', memory: '2Gi' }), big, new Map(), [big])).toBe(Math.floor((75 + 75) / 2));
  });
});
