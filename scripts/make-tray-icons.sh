#!/usr/bin/env bash
# Regenerates the tray icons in resources/ (ImageMagick): for each state a 16 px image (1x) and a 32 px one (@2x,
# which Electron's nativeImage picks on HiDPI screens), in colour for Windows and Linux, and as black-and-alpha
# template images for the macOS menu bar ("…Template.png": macOS tints them for light and dark menu bars).
# Colour: the D mark on Dinky's blue with a status dot. Template: the D with a marker whose shape says the state
# (live: a filled dot, warn: a ring, error: a filled square, idle: nothing), since a template has no colour.
set -euo pipefail
convert() { /usr/bin/convert "$@"; }
cd "$(dirname "$0")/../resources"

colour() { # name dot-colour
  for scale in 1 2; do
    size=$((16 * scale))
    suffix=$([ "$scale" = 2 ] && echo '@2x' || true)
    dot=()
    [ "$2" = none ] || dot=(-stroke white -strokewidth 1.5 -fill "$2" -draw 'circle 24,24 24,18.5')
    convert -size 32x32 xc:none \
      -fill '#1668dc' -draw 'roundrectangle 1,1 30,30 7,7' \
      -fill none -stroke white -strokewidth 3.5 -draw "path 'M 8,7 h 6 a 9,9 0 0 1 0,18 h -6 z'" \
      ${dot[@]+"${dot[@]}"} -resize "${size}x${size}" "PNG32:tray-$1${suffix}.png"
  done
}

template() { # name marker
  for scale in 1 2; do
    size=$((16 * scale))
    suffix=$([ "$scale" = 2 ] && echo '@2x' || true)
    case "$2" in
      dot) marker=(-stroke none -fill black -draw 'circle 25,25 25,20') ;;
      ring) marker=(-stroke black -strokewidth 2.5 -fill none -draw 'circle 25,25 25,20.5') ;;
      square) marker=(-stroke none -fill black -draw 'rectangle 20,20 30,30') ;;
      *) marker=() ;;
    esac
    convert -size 32x32 xc:none \
      -fill none -stroke black -strokewidth 3.5 -draw "path 'M 5,4 h 7 a 11,11 0 0 1 0,22 h -7 z'" \
      ${marker[@]+"${marker[@]}"} -resize "${size}x${size}" "PNG32:tray-$1Template${suffix}.png"
  done
}

colour live '#52c41a'
colour warn '#faad14'
colour error '#ff4d4f'
colour idle none
template live dot
template warn ring
template error square
template idle none
