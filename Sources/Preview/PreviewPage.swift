/// The script and style added to the article the preview serves: the panel (run state, step and
/// epoch lines, the error) above the article, live figures, and reloads without losing the scroll.
///
/// `window.nbrunPreview` counts what the page did (reloads, live figure images loaded while a run
/// was going, their epochs) so a browser test can read it.
enum PreviewPage {
    /// The article's HTML with the client added before `</body>`.
    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + client }
        var page = html
        page.insert(contentsOf: client, at: end.lowerBound)
        return page
    }

    /// The page shown before the first article is written.
    static let waiting = inject(
        into: """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>nbrun preview</title></head>
            <body><main><p>The first run of the notebook is going; the article appears when it is written.</p></main></body></html>
            """)

    static let client = """
        <style id="nbrun-preview-style">
        #nbrun-preview{position:sticky;top:0;z-index:10;margin:0 0 1em;padding:.5em 1em;font:13px/1.4 monospace;
          background:#f6f8fa;border-bottom:1px solid #d0d7de;max-height:40vh;overflow:auto}
        #nbrun-preview[data-state=done]{max-height:2.2em}
        #nbrun-preview .state{font-weight:bold}
        #nbrun-preview ol{list-style:none;margin:.3em 0;padding:0;white-space:pre}
        #nbrun-preview pre.error{color:#a40e26;background:#ffebe9;padding:.5em;white-space:pre-wrap}
        </style>
        <script id="nbrun-preview-client">
        (function () {
          const state = window.nbrunPreview = {running: false, reloads: 0, liveLoads: 0, liveEpochs: [], panel: null};
          const panel = document.createElement('aside');
          panel.id = 'nbrun-preview';
          const attach = () => { if (!panel.isConnected) document.body.prepend(panel); };
          attach();
          const words = {running: 'running…', done: 'up to date', error: 'error: the article below is the last good one'};
          const source = new EventSource('/_preview/events');
          source.addEventListener('panel', (event) => {
            const p = JSON.parse(event.data);
            state.panel = p;
            state.running = p.state === 'running';
            panel.dataset.state = p.state;
            panel.replaceChildren();
            const head = document.createElement('div');
            head.className = 'state';
            head.textContent = 'nbrun preview: ' + words[p.state];
            panel.append(head);
            if (p.error) {
              const pre = document.createElement('pre');
              pre.className = 'error';
              pre.textContent = p.error;
              panel.append(pre);
            }
            if (p.state !== 'done') {
              const list = document.createElement('ol');
              list.textContent = p.lines.join('\\n');
              panel.append(list);
              panel.scrollTop = panel.scrollHeight;
            }
          });
          source.addEventListener('figure', (event) => {
            const f = JSON.parse(event.data);
            const img = document.querySelector('img[data-live="' + f.id + '"]') ||
              document.querySelector('img[src$="figures/' + f.id + '.png"]');
            if (!img) return;
            img.dataset.live = f.id;
            const during = state.running;
            img.onload = () => { if (during && img.naturalWidth > 0) { state.liveLoads++; state.liveEpochs.push(f.epoch); } };
            img.src = f.url;
          });
          source.addEventListener('reload', async () => {
            const response = await fetch('/', {cache: 'no-store'});
            const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
            doc.querySelectorAll('#nbrun-preview-client').forEach((node) => node.remove());
            const y = window.scrollY;
            document.title = doc.title;
            document.body.replaceChildren(...doc.body.childNodes);
            attach();
            window.scrollTo(0, y);
            state.reloads++;
          });
        })();
        </script>

        """
}
