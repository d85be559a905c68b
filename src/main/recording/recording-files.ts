/**
 * Writing and reading a recording directory. Writing is one pass at the end (the recording is held in memory,
 * bounded by the recorder's caps); reading checks the format and tolerates nothing else, so a stray directory is
 * an error that names itself rather than an empty replay.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  ENTRIES_FILE,
  MANIFEST_FILE,
  RECORDING_FORMAT,
  type RecordingEntry,
  type RecordingManifest
} from './recording-format'

export interface Recording {
  manifest: RecordingManifest
  entries: RecordingEntry[]
}

export async function writeRecording(dir: string, recording: Recording): Promise<number> {
  await mkdir(dir, { recursive: true })
  const lines = recording.entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n'
  await writeFile(join(dir, ENTRIES_FILE), lines)
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(recording.manifest, null, 2) + '\n')
  return Buffer.byteLength(lines)
}

export async function readRecording(dir: string): Promise<Recording> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as RecordingManifest
  if (manifest.format !== RECORDING_FORMAT) {
    throw new Error(`${dir} is not a dinky-console recording (no ${RECORDING_FORMAT} manifest)`)
  }
  const text = await readFile(join(dir, ENTRIES_FILE), 'utf8')
  const entries = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordingEntry)
  return { manifest, entries }
}
