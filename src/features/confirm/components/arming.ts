/**
 * When Confirm may be used. A window that pops up (or is brought back) under a keystroke or a
 * click meant for something else must not take it as an answer, so Confirm is armed only once
 * the window has been visible and focused for ARM_DELAY_MS without a break, disarms the moment
 * it loses focus or is hidden, and counts only a press (key or pointer) that began on Confirm
 * itself after it was armed. Coming back to the front moves the focus to Cancel, so typing
 * meant for another window cannot land on Confirm.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export const ARM_DELAY_MS = 600;

/** Keys that activate a focused button or submit a form. */
const ACTIVATING_KEYS = new Set(['Enter', ' ']);

export interface Arming {
  armed: boolean;
  /** True once for a press that began on `confirm` after arming; consumes it. */
  takePress: (confirm: Element | null) => boolean;
}

/**
 * `question` identifies what is asked: when it changes, the delay starts again. `onRegain` runs
 * when the window comes back to the front (it moves the focus to Cancel).
 */
export function useArming(active: boolean, question: unknown, onRegain: () => void): Arming {
  const [armed, setArmed] = useState(false);
  const armedNow = useRef(false);
  const pressBeganArmed = useRef(false);
  const pressedOn = useRef<EventTarget | null>(null);
  const regained = useRef(onRegain);
  regained.current = onRegain;

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const disarm = () => {
      clearTimeout(timer);
      timer = undefined;
      armedNow.current = false;
      pressBeganArmed.current = false;
      pressedOn.current = null;
      setArmed(false);
    };
    const inFront = () => document.visibilityState === 'visible' && document.hasFocus();
    const startCounting = () => {
      disarm();
      if (!inFront()) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!inFront()) return;
        armedNow.current = true;
        setArmed(true);
      }, ARM_DELAY_MS);
    };
    const cameBack = () => {
      startCounting();
      regained.current();
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? cameBack() : disarm());
    // Capturing, so the press is seen before the button acts on it.
    const onKey = (event: KeyboardEvent) => {
      if (!ACTIVATING_KEYS.has(event.key)) return;
      pressBeganArmed.current = armedNow.current && !event.repeat;
      pressedOn.current = event.target;
    };
    const onPointer = (event: PointerEvent) => {
      pressBeganArmed.current = armedNow.current;
      pressedOn.current = event.target;
    };
    window.addEventListener('focus', cameBack);
    window.addEventListener('blur', disarm);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    startCounting();
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', cameBack);
      window.removeEventListener('blur', disarm);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [active, question]);

  return {
    armed,
    takePress: (confirm) => {
      const on = pressedOn.current;
      const ok =
        armedNow.current &&
        pressBeganArmed.current &&
        confirm !== null &&
        on instanceof Node &&
        confirm.contains(on);
      pressBeganArmed.current = false;
      pressedOn.current = null;
      return ok;
    },
  };
}
