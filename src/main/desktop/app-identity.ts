/**
 * The app's identity as the OS knows it. On Windows a toast is attributed to the AppUserModelID: it must equal the
 * `appId` electron-builder writes into the installer's shortcut, or notifications are dropped or shown as "Electron"
 * (test/scripts/release-artifacts.test.ts checks the two agree).
 */
export const APP_ID = 'io.dinky.console'
