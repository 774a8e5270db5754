'use strict';
// The console talks to /admin with the credentials the browser already sent for this page (HTTP Basic).
const api = '/admin/';

async function call(method, path) {
  const response = await fetch(api + path, { method, headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await response.json(); } catch (e) { /* an empty or non-JSON answer */ }
  if (!response.ok) {
    const reason = body && (body.error || body.problem) ? (body.error || body.problem) : response.statusText;
    throw new Error(response.status + ' ' + reason + (body && body.file ? ' (' + body.file + (body.line ? ':' + body.line : '') + ')' : ''));
  }
  return body;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) { td.className = className; }
  row.appendChild(td);
  return td;
}

function time(ms) {
  return ms ? new Date(ms).toISOString() : '';
}

async function showInfo() {
  try {
    const info = await call('GET', 'info');
    document.getElementById('info').textContent = info.product + ' ' + info.version + ', up ' + info.uptimeSeconds
      + ' s, EMGDIR ' + info.emgDir + ', node ' + info.nodeId + ', ' + info.connectorsRunning + ' of '
      + info.connectors + ' connectors running, configuration read ' + info.configurationLoadedAt;
  } catch (e) {
    document.getElementById('info').textContent = 'info: ' + e.message;
  }
}

async function act(connector, action) {
  try {
    await call('POST', 'connector/' + encodeURIComponent(connector) + '/' + action);
  } catch (e) {
    document.getElementById('connectors-error').textContent = action + ' ' + connector + ': ' + e.message;
  }
  showConnectors();
}

function button(label, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

async function showConnectors() {
  let connectors;
  try {
    connectors = await call('GET', 'connectors');
    document.getElementById('connectors-error').textContent = '';
  } catch (e) {
    document.getElementById('connectors-error').textContent = 'connectors: ' + e.message;
    return;
  }
  const body = document.querySelector('#connectors tbody');
  const rows = [];
  for (const c of connectors) {
    const row = document.createElement('tr');
    row.dataset.connector = c.name;
    cell(row, c.name, 'name');
    cell(row, c.protocol);
    cell(row, c.direction);
    cell(row, c.state, 'state state-' + c.state);
    cell(row, c.linksConfigured ? c.linksUp + '/' + c.linksConfigured : '', 'links number');
    cell(row, c.queued, 'queued number');
    cell(row, c.inflight, 'inflight number');
    cell(row, c.windowSize ? c.windowInUse + '/' + c.windowSize : '', 'window number');
    cell(row, c.sentPerSecond.toFixed(2), 'rate number');
    const actions = cell(row, '');
    if (c.direction === 'OUTGOING' || c.protocol === 'SMPP') {
      actions.appendChild(c.held ? button('unhold', 'unhold', () => act(c.name, 'unhold'))
        : button('hold', 'hold', () => act(c.name, 'hold')));
    }
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

async function reload() {
  const result = document.getElementById('reload-result');
  result.textContent = 'reloading…';
  try {
    const r = await call('POST', 'info/reload');
    result.className = '';
    result.textContent = 'reloaded: added [' + r.added.join(', ') + '], removed [' + r.removed.join(', ')
      + '], restarted [' + r.changed.join(', ') + ']'
      + (Object.keys(r.failed).length ? ', failed ' + JSON.stringify(r.failed) : '')
      + (Object.values(r.leftQueued).some(n => n > 0) ? ', still queued for removed ' + JSON.stringify(r.leftQueued) : '');
  } catch (e) {
    result.className = 'error';
    result.textContent = 'refused: ' + e.message;
  }
  showInfo();
  showConnectors();
}

function partRows(tbody, parts, onPick) {
  const rows = parts.map(p => {
    const row = document.createElement('tr');
    const id = cell(row, p.messageId, 'message');
    if (onPick) {
      const link = document.createElement('a');
      link.href = '#';
      link.textContent = p.messageId;
      link.addEventListener('click', e => { e.preventDefault(); onPick(p.messageId); });
      id.replaceChildren(link);
    }
    cell(row, p.id);
    cell(row, p.state, 'state');
    cell(row, p.inConnector);
    cell(row, p.outConnector);
    cell(row, p.destAddr);
    cell(row, p.username);
    cell(row, p.attempts, 'number');
    cell(row, time(p.createdAt));
    cell(row, p.reportState ? p.reportState + ' ' + time(p.reportAt) + (p.reportError ? ' err ' + p.reportError : '') : '');
    return row;
  });
  tbody.replaceChildren(...rows);
}

async function search(event) {
  event.preventDefault();
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(document.getElementById('search'))) {
    if (value) { query.append(name, value); }
  }
  try {
    const page = await call('GET', 'messages?' + query);
    document.getElementById('messages-error').textContent = page.messages.length ? '' : 'no message found';
    partRows(document.querySelector('#messages tbody'), page.messages, showHistory);
  } catch (e) {
    document.getElementById('messages-error').textContent = 'search: ' + e.message;
  }
}

function partTable(parts) {
  const table = document.createElement('table');
  table.innerHTML = document.querySelector('#messages thead').outerHTML;
  const tbody = document.createElement('tbody');
  table.appendChild(tbody);
  partRows(tbody, parts, null);
  return table;
}

async function showHistory(id) {
  const history = document.getElementById('history');
  try {
    const m = await call('GET', 'messages/' + id);
    const title = document.createElement('h3');
    title.textContent = 'Message ' + m.id;
    const options = document.createElement('pre');
    options.textContent = Object.entries(m.options).map(([k, v]) => k + '=' + v).join('\n');
    const dlrTitle = document.createElement('h4');
    dlrTitle.textContent = m.dlrId ? 'Delivery report ' + m.dlrId : 'No delivery report issued';
    history.replaceChildren(title, options, partTable(m.parts), dlrTitle);
    if (m.dlrId) { history.appendChild(partTable(m.dlr)); }
  } catch (e) {
    history.textContent = 'message ' + id + ': ' + e.message;
  }
}

document.getElementById('reload').addEventListener('click', reload);
document.getElementById('search').addEventListener('submit', search);
showInfo();
showConnectors();
setInterval(showConnectors, 2000);
