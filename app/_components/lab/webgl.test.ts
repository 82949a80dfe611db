import { describe, expect, it } from 'vitest';
import { hasFastWebgl2, isSoftwareRenderer } from './webgl';

describe('isSoftwareRenderer', () => {
  it('recognises the software rasterisers browsers fall back to', () => {
    // Headless Chromium with --disable-gpu (recorded on the build machine).
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
  });

  it('accepts GPU renderers', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});

/** A canvas whose WebGL 2 context reports the given renderer (null: no WebGL 2 at all). */
function fakeDocument(renderer: string | null): Pick<Document, 'createElement'> {
  const UNMASKED = 0x9246;
  const gl = renderer === null ? null : { getExtension: (n: string) => (n === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: UNMASKED } : null), getParameter: (p: number) => (p === UNMASKED ? renderer : 'WebKit WebGL'), RENDERER: 0x1f01 };
  return { createElement: () => ({ getContext: () => gl }) } as unknown as Pick<Document, 'createElement'>;
}

describe('hasFastWebgl2', () => {
  it('is false without WebGL 2 and with a software renderer, true with a GPU', () => {
    expect(hasFastWebgl2(fakeDocument(null))).toBe(false);
    expect(hasFastWebgl2(fakeDocument('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'))).toBe(false);
    expect(hasFastWebgl2(fakeDocument('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)'))).toBe(true);
  });
});
