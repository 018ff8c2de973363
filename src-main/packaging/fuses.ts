/**
 * The Electron fuses of a packaged build (@electron/fuses), flipped in the binary after
 * packaging by `npm run fuses -- <path to the packaged Electron binary or .app>`. Data, so a
 * test holds it to the checklist without running the binary. Every fuse is set explicitly
 * (strictlyRequireAllFuses), so a fuse that a new Electron adds fails the build until decided.
 */
import { type FuseV1Config, FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The binary cannot be used as a plain Node.js (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk are encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS cannot inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app is only loaded from app.asar, never from a loose folder beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process (no separate, unchecked browser snapshot).
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Pages come from app://, so file:// keeps no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // WebAssembly (tfjs's wasm backend) keeps its fast bounds checks.
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;
