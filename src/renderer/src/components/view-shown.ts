/**
 * Whether the view a component is in is on screen: false inside a view the shell keeps mounted while another shows
 * (`features/shell/KeptView`). Clocks stop ticking in a hidden view.
 */
import { createContext } from 'react'

export const ViewShown = createContext(true)
