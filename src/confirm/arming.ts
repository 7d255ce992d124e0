/**
 * When Confirm may be used. A window that pops up (or is brought back) under a keystroke or a
 * click meant for something else must not take it as an answer, so Confirm is armed only once
 * the window has been visible and focused for ARM_DELAY_MS without a break, disarms the moment
 * it loses focus or is hidden, and counts only a press (key or pointer) that began after it
 * was armed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export const ARM_DELAY_MS = 600;

/** Keys that activate a focused button or submit a form. */
const ACTIVATING_KEYS = new Set(['Enter', ' ']);

export interface Arming {
  armed: boolean;
  /** True once for a press that began after arming; consumes it. */
  takePress: () => boolean;
}

/** `question` identifies what is asked: when it changes, the delay starts again. */
export function useArming(active: boolean, question: unknown): Arming {
  const [armed, setArmed] = useState(false);
  const armedNow = useRef(false);
  const pressBeganArmed = useRef(false);

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const disarm = () => {
      clearTimeout(timer);
      timer = undefined;
      armedNow.current = false;
      pressBeganArmed.current = false;
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
    const onVisibility = () =>
      document.visibilityState === 'visible' ? startCounting() : disarm();
    // Capturing, so the press is seen before the button or the form acts on it.
    const onKey = (event: KeyboardEvent) => {
      if (ACTIVATING_KEYS.has(event.key))
        pressBeganArmed.current = armedNow.current && !event.repeat;
    };
    const onPointer = () => {
      pressBeganArmed.current = armedNow.current;
    };
    window.addEventListener('focus', startCounting);
    window.addEventListener('blur', disarm);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    startCounting();
    return () => {
      clearTimeout(timer);
      window.removeEventListener('focus', startCounting);
      window.removeEventListener('blur', disarm);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [active, question]);

  return {
    armed,
    takePress: () => {
      const ok = armedNow.current && pressBeganArmed.current;
      pressBeganArmed.current = false;
      return ok;
    },
  };
}
