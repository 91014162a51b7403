// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary, before it is
// signed and put in an installer. electron-builder 25 has no fuse option of its own (`electronFuses`
// came in 26), so this is the documented hook with @electron/fuses (1.8: the last that runs on Node 20).
//
// What each fuse closes (https://www.electronjs.org/docs/latest/tutorial/fuses):
// - RunAsNode off: ELECTRON_RUN_AS_NODE=1 cannot turn League Desk.exe into a plain Node.js that runs
//   any script with the user's rights (a known way to hide code behind a trusted, signed program).
// - NODE_OPTIONS and --inspect/--inspect-brk/--remote-debugging off: nothing on the command line or
//   in the environment can load code into, or attach a debugger to, the main process.
// - ASAR integrity on, and the app only from app.asar: an app.asar altered after packaging (or an
//   `app/` folder put beside it) is refused at start. electron-builder writes the hash Electron
//   checks (Windows: a resource in the exe; macOS: Info.plist); Linux has no such check yet.
// - file:// without extra privileges: the app loads from app:// only (electron/appProtocol.ts).
'use strict';
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron binary electron-builder just packed, per platform. */
function packedBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  await flipFuses(packedBinary(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
}

module.exports = { FUSES, packedBinary, default: afterPack };
