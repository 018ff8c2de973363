/**
 * Whether WebGL runs in software (SwiftShader, llvmpipe): multisampling there costs about 4×
 * the frame time, so the live view turns it off (recordings keep it: they are not real time).
 */
let cached: boolean | null = null;

export function isSoftwareGl(): boolean {
  if (cached !== null) return cached;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    cached = /swiftshader|llvmpipe|software/i.test(name);
  } catch {
    cached = false;
  }
  return cached;
}
