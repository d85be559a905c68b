/** The event object Electron passes to listeners that may cancel what is about to happen. */
export class PreventableEvent {
  defaultPrevented = false

  preventDefault(): void {
    this.defaultPrevented = true
  }
}
