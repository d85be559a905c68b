/** Vite turns imported assets into URLs (small ones into data: URLs, which the CSP allows for images). */
declare module '*.svg' {
  const url: string
  export default url
}

/** Global stylesheets are imported for their side effect. */
declare module '*.css'
