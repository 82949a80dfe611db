/**
 * Whether WebGL 2 is hardware accelerated here. xterm's WebGL renderer is the
 * fastest with a GPU; with a software rasteriser (SwiftShader, llvmpipe: no
 * GPU, `--disable-gpu`, a blocklisted driver) every frame is drawn on the CPU
 * and read back, and the DOM renderer is faster. Chromium's software WebGL
 * does not honour `failIfMajorPerformanceCaveat`, so the renderer's name is
 * checked too.
 */
export function hasFastWebgl2(doc: Pick<Document, 'createElement'> = document): boolean {
  try {
    const gl = doc.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !isSoftwareRenderer(renderer);
  } catch {
    return false;
  }
}

/** Renderer strings of the software GL implementations browsers fall back to (Chromium, Firefox, Edge). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}
