// The console: a hash router over the pages; the page on screen refreshes itself every 2 seconds.
import { api, fill, h, SignInNeeded, toast } from './lib.js';
import { overview } from './overview.js';
import { tasks } from './tasks.js';
import { task } from './task.js';
import { create } from './create.js';
import { runs } from './runs.js';
import { agents } from './agents.js';
import { flows, flow } from './flows.js';

const pages = { '': overview, tasks, task, new: create, runs, agents, flows, flow };
const refreshMs = 2000;
let current = null;
let timer = null;

/** The route in the hash: #/task/ID?x=1 → {page: 'task', id: 'ID', params: {x: '1'}}. */
function route() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = path.split('/');
  return { page: page ?? '', id: rest.length ? decodeURIComponent(rest.join('/')) : null, params: Object.fromEntries(new URLSearchParams(search ?? '')) };
}

async function show() {
  clearInterval(timer);
  const { page, id, params } = route();
  const view = document.getElementById('view');
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === (page || 'overview') || (a.dataset.page + 's') === page || (page === 'task' && a.dataset.page === 'tasks') || (page === 'flow' && a.dataset.page === 'flows'));
  const mount = pages[page];
  if (!mount) { fill(view, h('section', { class: 'card' }, h('h2', {}, 'Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'Back to the overview.')))); return; }
  const session = await api('/ui/session');
  document.getElementById('sign-out').hidden = !session.keys_required || !session.signed_in;
  if (!session.signed_in) { signIn(view); return; }
  fill(view);
  const mounted = { id, params, navigate: (hash) => { location.hash = hash; } };
  current = mount(view, mounted);
  await refresh(current);
  timer = setInterval(() => refresh(current), refreshMs);
}

let busy = false;
async function refresh(page) {
  if (busy || page !== current || document.hidden) return;
  busy = true;
  try {
    await page.update();
    document.getElementById('refreshed').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    if (e instanceof SignInNeeded) { clearInterval(timer); signIn(document.getElementById('view')); }
    else document.getElementById('refreshed').textContent = `not updated: ${e.message}`;
  } finally {
    busy = false;
  }
}

function signIn(view) {
  clearInterval(timer);
  current = null;
  fill(view, document.getElementById('sign-in').content.cloneNode(true));
  document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = document.getElementById('api-key').value;
    try {
      await api('/ui/login', { method: 'POST', body: { key } });
      show();
    } catch (e) {
      fill(document.getElementById('sign-in-error'), e.message);
    }
  });
  document.getElementById('api-key').focus();
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('/ui/logout', { method: 'POST' });
  toast('Signed out.');
  show();
});
window.addEventListener('hashchange', show);
document.addEventListener('visibilitychange', () => { if (!document.hidden && current) refresh(current); });
show();
