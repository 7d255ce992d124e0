import browser from '../core/browser';

/**
 * The popup opened as a window of its own ("Show Slack sessions"): the window is sized from
 * its content, which grows as sessions load, so nothing is clipped or scrolled at first sight.
 */
export function fitWindowToContent(): void {
  document.documentElement.classList.add('in-window');
  let pending = 0;
  const fit = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const root = document.documentElement;
      const chromeHeight = window.outerHeight - window.innerHeight;
      const chromeWidth = window.outerWidth - window.innerWidth;
      // Never larger than the screen: past that the page scrolls, as any page does.
      // The html box's own height is the content's (it is not stretched to the window).
      const content = Math.ceil(root.getBoundingClientRect().height);
      const height = Math.min(content + chromeHeight, screen.availHeight);
      const width = Math.min(
        Math.max(root.scrollWidth, window.innerWidth) + chromeWidth,
        screen.availWidth,
      );
      if (height === window.outerHeight && width === window.outerWidth) return;
      void browser.windows.getCurrent().then((current) => {
        if (current.id !== undefined)
          void browser.windows.update(current.id, { height, width }).catch(() => undefined);
      });
    });
  };
  new ResizeObserver(fit).observe(document.body);
}
