/**
 * The input both bench pages get, so their frame counts compare: a person panning then zooming, driven from inside
 * the page so that every frame brings a new viewport (input sent from outside arrives slower than frames, and would
 * cap the count). For `ms / 2` a drag on the background moves in circles, one mouse move per animation frame; then
 * the wheel zooms in and out, one notch per frame. The renderer sees ordinary mouse and wheel events, so its own
 * viewport optimisations apply as they would.
 */
export interface InputTargets {
  /** The element that takes mousedown and wheel (the drawing surface). */
  surface: Element;
  /** Where the renderer listens for mouse moves and the mouseup while dragging (Cytoscape: window; sigma: document). */
  moves: EventTarget;
  /** The drawing area: its corner is background once the view is fitted with a margin, so dragging there pans. */
  box: DOMRect;
}

/** Resolves with the seconds the interaction took, once the last input has been sent. */
export function panThenZoom(targets: InputTargets, ms: number): Promise<number> {
  const { surface, moves, box } = targets;
  const start = { x: box.left + 8, y: box.top + 8 };
  const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const mouse = (target: EventTarget, type: string, x: number, y: number, buttons: number) =>
    target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons, bubbles: true, cancelable: true, view: window }));
  const began = performance.now();
  return new Promise((resolve) => {
    let step = 0;
    let dragging = true;
    mouse(surface, 'mousedown', start.x, start.y, 1);
    const frame = () => {
      step++;
      const elapsed = performance.now() - began;
      if (elapsed >= ms) return resolve(elapsed / 1000);
      if (elapsed < ms / 2) {
        mouse(moves, 'mousemove', start.x + 120 + 120 * Math.cos(step / 8), start.y + 120 + 120 * Math.sin(step / 8), 1);
      } else {
        if (dragging) mouse(moves, 'mouseup', start.x, start.y, 0);
        dragging = false;
        surface.dispatchEvent(new WheelEvent('wheel', { deltaY: step % 16 < 8 ? -60 : 60, clientX: centre.x, clientY: centre.y, bubbles: true, cancelable: true }));
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Three redraws of the still view, once it has settled (600 ms after the input), averaged. */
export async function meanFullRedraw(redrawOnce: () => Promise<number>): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 600));
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await redrawOnce());
  return times.reduce((a, b) => a + b, 0) / times.length;
}
