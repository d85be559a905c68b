/**
 * The stand-in `nativeImage`: enough to carry an icon around and tell a test which one it is (its source path or
 * data URL), with the PNG size read from the file header.
 */
import { readFileSync } from 'node:fs'

const PNG_SIGNATURE = '89504e470d0a1a0a'

function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== PNG_SIGNATURE)
    return { width: 0, height: 0 }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

export class StandInNativeImage {
  private template = false

  constructor(
    /** Where the image came from: a file path, a data URL, or '' for an empty image. */
    readonly source: string,
    private readonly png: Buffer,
    private readonly size = pngSize(png)
  ) {}

  isEmpty(): boolean {
    return this.png.length === 0
  }
  getSize(): { width: number; height: number } {
    return { ...this.size }
  }
  getAspectRatio(): number {
    return this.size.height === 0 ? 1 : this.size.width / this.size.height
  }
  toPNG(): Buffer {
    return Buffer.from(this.png)
  }
  toDataURL(): string {
    return `data:image/png;base64,${this.png.toString('base64')}`
  }
  resize(options: { width?: number; height?: number }): StandInNativeImage {
    const size = {
      width: options.width ?? this.size.width,
      height: options.height ?? this.size.height
    }
    return new StandInNativeImage(this.source, this.png, size)
  }
  setTemplateImage(template: boolean): void {
    this.template = template
  }
  isTemplateImage(): boolean {
    return this.template
  }
}

/** Describes an icon argument (path or image) for the records. */
export function describeImage(image: unknown): string {
  if (image instanceof StandInNativeImage) return image.source
  return typeof image === 'string' ? image : ''
}

export const nativeImage = {
  createEmpty: () => new StandInNativeImage('', Buffer.alloc(0)),
  /** Like Electron, a missing or unreadable file gives an empty image rather than an error. */
  createFromPath(path: string): StandInNativeImage {
    try {
      return new StandInNativeImage(path, readFileSync(path))
    } catch {
      return new StandInNativeImage('', Buffer.alloc(0))
    }
  },
  createFromDataURL(dataUrl: string): StandInNativeImage {
    const base64 = /^data:[^,]*;base64,(.*)$/.exec(dataUrl)?.[1] ?? ''
    return new StandInNativeImage(dataUrl.slice(0, 64), Buffer.from(base64, 'base64'))
  },
  createFromBuffer: (buffer: Buffer) => new StandInNativeImage('buffer', Buffer.from(buffer))
}
