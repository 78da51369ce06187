// The live session screen: follows the server's state through Server-Sent Events and counts down
// from the stored step end, corrected by the server's clock, so every screen shows the same time.
(function () {
  'use strict';
  var root = document.getElementById('live');
  if (!root) { return; }
  var sessionId = root.dataset.session;
  var me = root.dataset.me;
  var isMember = root.dataset.member === 'true';
  var api = root.dataset.api || '/api/v1/sessions/' + sessionId + '/live';
  // A breakout's screen: when everyone is called back, it hands over to the session's review.
  var inBreakout = !!root.dataset.breakout;
  var state = null;
  var offset = 0;
  var lastStepKey = null;
  var chimed = false;
  var $ = function (id) { return document.getElementById(id); };

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function format(seconds) {
    var abs = Math.abs(seconds);
    return (seconds < 0 ? '+' : '') + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
  }
  function stepTitle(step) { return step ? (step.turn ? 'Turn ' + step.turn + ': ' : '') + step.name : 'Not started'; }

  function remaining() {
    if (!state) { return 0; }
    if (state.status === 'Running' && state.stepEndsAt) {
      return Math.floor((Date.parse(state.stepEndsAt) - (Date.now() + offset)) / 1000);
    }
    return state.remainingSeconds;
  }

  function tick() {
    if (!state) { return; }
    var left = remaining();
    var active = state.status === 'Running' || state.status === 'Paused';
    $('live-time').textContent = active ? format(left) : '';
    var words = '';
    var level = 'plenty';
    if (active && left < 0) { words = 'Time is up: ' + format(left) + ' over'; level = 'over'; }
    else if (active && left <= 60) { words = 'Less than a minute left'; level = 'low'; }
    else if (active) { words = Math.ceil(left / 60) + ' minutes left'; }
    if (state.status === 'Paused') { words = 'Paused. ' + words; }
    $('live-time-words').textContent = words;
    root.dataset.level = active ? level : '';
    if (active && left <= 0 && !chimed) {
      chimed = true;
      if ($('live-chime') && $('live-chime').checked) { chime(); }
    }
  }

  function chime() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      var ctx = new Ctx();
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 1.2);
      osc.connect(gain); gain.connect(ctx.destination);
      osc.start(); osc.stop(ctx.currentTime + 1.2);
    } catch (e) { /* no sound available */ }
  }

  function render(next) {
    if (inBreakout && next.calledBack) {
      window.location.assign(root.dataset.sessionPage);
      return;
    }
    // The session has just split into breakouts: a member's screen becomes their breakout's.
    if (!inBreakout && isMember && root.dataset.view !== 'session' && next.stepIndex === 0
      && (next.status === 'Running' || next.status === 'Paused')
      && (next.breakouts || []).some(function (b) { return b.members.some(function (m) { return m.id === me; }); })) {
      window.location.reload();
      return;
    }
    state = next;
    offset = Date.parse(state.serverTime) - Date.now();
    var step = state.step;
    var key = state.status + ':' + state.stepIndex;
    if (key !== lastStepKey) {
      chimed = false;
      if (lastStepKey !== null) {
        $('live-announcer').textContent = state.status === 'Finished' ? (inBreakout ? 'This breakout has finished its turns.' : 'The session has finished.')
          : 'Now: ' + stepTitle(step) + (step ? '. ' + step.speakers + ' speak.' : '');
      }
      lastStepKey = key;
    }
    var statusText = {
      NotStarted: 'Waiting for the chair to start the session.',
      Paused: 'Paused by the chair.',
      Finished: inBreakout ? 'This breakout has finished its turns.' : 'The session has finished.',
      Running: 'Running. Chair: ' + (state.chair ? state.chair.name : '') + '.'
    }[state.status];
    $('live-status').textContent = statusText;
    $('live-step').textContent = state.status === 'Finished' ? 'Finished' : stepTitle(step);
    var finished = state.status === 'Finished';
    $('live-owner').textContent = step && step.owner && !finished ? 'Problem owner: ' + step.owner : '';
    $('live-speakers').textContent = step && !finished ? 'Who speaks: ' + step.speakers : '';
    if ($('live-listeners')) { $('live-listeners').textContent = step && !finished && step.listeners ? 'Who listens: ' + step.listeners : ''; }
    var silent = !!(step && step.ownerSilent && state.status !== 'Finished');
    $('live-silent').hidden = !silent;
    // The server says whose problem it is, by the signed-in person.
    var you = state.you || {};
    if (silent) {
      $('live-silent-text').textContent = you.isOwner ? you.prompt : 'The problem owner listens and does not speak during this step.';
    }
    $('live-you').hidden = !(you.isOwner && !silent && !finished);
    $('live-you').textContent = you.isOwner ? you.prompt : '';
    $('live-notetaker').hidden = !state.noteTaker;
    $('live-notetaker-name').textContent = state.noteTaker ? state.noteTaker.name : '';
    if ($('live-notetaker-record')) {
      $('live-notetaker-record').hidden = !state.noteTaker || state.noteTaker.id !== me || !(state.status === 'Running' || state.status === 'Paused');
    }
    renderBreakouts();
    var prompts = $('live-prompts');
    prompts.innerHTML = '';
    (state.status === 'Finished' ? [] : state.prompts || []).forEach(function (p) {
      var li = document.createElement('li'); li.textContent = p; prompts.appendChild(li);
    });
    $('live-next').textContent = state.next ? 'Next: ' + state.next.name + ' (' + state.next.minutes + ' min)' : '';
    var agenda = $('live-agenda');
    agenda.innerHTML = '';
    state.steps.forEach(function (s, i) {
      var li = document.createElement('li');
      li.textContent = (s.turn ? 'Turn ' + s.turn + ': ' : '') + s.name + ' (' + s.minutes + ' min)' + (s.owner ? ' – ' + s.owner : '');
      if (state.status !== 'NotStarted' && (i < state.stepIndex || state.status === 'Finished')) { li.className = 'rt-live__done'; }
      if (state.status !== 'NotStarted' && state.status !== 'Finished' && i === state.stepIndex) { li.className = 'rt-live__current'; li.setAttribute('aria-current', 'step'); }
      agenda.appendChild(li);
    });
    if ($('live-agenda-empty')) { $('live-agenda-empty').hidden = state.steps.length > 0; }
    var isChair = isMember && state.chair && state.chair.id === me;
    if ($('live-controls')) {
      $('live-controls').hidden = !isChair || state.status === 'Finished';
      toggle('start', state.status === 'NotStarted');
      toggle('next', state.status === 'Running' || state.status === 'Paused');
      toggle('back', state.status === 'Running' || state.status === 'Paused');
      toggle('pause', state.status === 'Running');
      toggle('resume', state.status === 'Paused');
      toggle('extend', state.status === 'Running' || state.status === 'Paused');
      toggle('finish', state.status === 'Running' || state.status === 'Paused');
      var drop = $('drop-turn');
      drop.innerHTML = '';
      var seen = {};
      state.steps.forEach(function (s, i) {
        if (s.phase === 'Turn' && i > state.stepIndex && !seen[s.turn] && state.steps.findIndex(function (x) { return x.turn === s.turn; }) > state.stepIndex) {
          seen[s.turn] = true;
          var o = document.createElement('option'); o.value = s.turn; o.textContent = 'Turn ' + s.turn + (s.owner ? ' – ' + s.owner : '');
          drop.appendChild(o);
        }
      });
      toggle('drop', drop.options.length > 0 && state.status !== 'NotStarted');
      drop.parentElement.hidden = drop.options.length === 0 || state.status === 'NotStarted';
      $('notetaker-person').parentElement.hidden = !(state.status === 'Running' || state.status === 'Paused');
      var callBack = !inBreakout && state.breakouts.length > 0 && state.stepIndex === 0;
      root.querySelector('#live-controls [data-action="next"]').textContent = callBack ? 'Call everyone back for the review' : 'Next step';
    }
    if ($('live-finished')) { $('live-finished').hidden = !isMember || !finished || inBreakout; }
    if ($('live-takeover')) {
      $('live-takeover').hidden = !isMember || isChair || finished;
      if ($('live-takeover').hidden) { $('live-takeover-confirm').hidden = true; $('live-takeover-ask').hidden = false; }
    }
    tick();
  }

  function renderBreakouts() {
    var table = $('live-breakouts-table');
    if (!table || !state.breakouts) { return; }
    $('live-breakouts').hidden = state.breakouts.length === 0;
    if (state.status !== 'NotStarted') {
      $('live-breakouts-heading').textContent = 'Breakouts';
      $('live-breakouts-hint').textContent = 'Each breakout\'s progress. Everyone comes back for the shared review when every breakout has finished, or when the chair calls everyone back.';
      if ($('live-proposed')) { $('live-proposed').hidden = true; }
    }
    var body = table.tBodies[0];
    body.innerHTML = '';
    state.breakouts.forEach(function (b) {
      var row = body.insertRow();
      row.className = 'govuk-table__row';
      var th = document.createElement('th');
      th.scope = 'row'; th.className = 'govuk-table__header'; th.textContent = 'Breakout ' + b.number;
      row.appendChild(th);
      var progress = b.status === 'NotStarted' ? 'Not started' : b.status === 'Finished' ? 'Finished'
        : 'Step ' + (b.stepIndex + 1) + ' of ' + b.stepCount + ': ' + b.stepName;
      [b.chair ? b.chair.name : '', b.members.map(function (m) { return m.name; }).join(', '), progress].forEach(function (text) {
        var td = row.insertCell(); td.className = 'govuk-table__cell'; td.textContent = text;
      });
    });
  }

  function toggle(action, show) {
    root.querySelectorAll('[data-action="' + action + '"]').forEach(function (b) { b.hidden = !show; });
  }

  function act(button) {
    var action = button.dataset.action;
    var body = {};
    if (action === 'next' || action === 'back') { body.fromStep = state.stepIndex; }
    if (action === 'extend') { body.minutes = parseInt(button.dataset.minutes, 10); }
    if (action === 'drop') { body.turn = parseInt($('drop-turn').value, 10); }
    if (action === 'notetaker') { body.personId = $('notetaker-person').value; }
    if (action === 'finish' && !window.confirm(inBreakout ? 'Finish this breakout\'s turns?' : 'Finish the session for everyone?')) { return; }
    $('live-error').textContent = '';
    window.Roundtable.api.post(api + '/' + action, body).then(function (r) {
      return r.json().then(function (json) {
        if (r.ok) { render(json); focusAfter(action, button); } else { $('live-error').textContent = json.detail || 'That did not work. Try again.'; }
      });
    }).catch(function () { $('live-error').textContent = 'No connection. Your action was not sent: try again.'; });
  }

  // The button just used may now be hidden: keep keyboard focus on the control the chair needs next.
  function focusAfter(action, button) {
    var next = {
      start: '[data-action="next"]',
      pause: '[data-action="resume"]',
      resume: '[data-action="pause"]',
      finish: '#live-record',
      takeover: '#live-controls [data-action="next"]:not([hidden]), #live-controls [data-action="start"]:not([hidden])'
    }[action];
    var target = next ? root.querySelector(next) : button;
    if (target && !target.hidden && !target.closest('[hidden]')) { target.focus(); }
    else if (!button.hidden && !button.closest('[hidden]')) { button.focus(); }
  }

  root.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-action]');
    if (button) { act(button); return; }
    if (e.target.closest('#live-takeover-ask')) {
      $('live-takeover-ask').hidden = true;
      $('live-takeover-confirm').hidden = false;
      $('live-takeover-confirm').querySelector('[data-action="takeover"]').focus();
    } else if (e.target.closest('#live-takeover-cancel')) {
      $('live-takeover-confirm').hidden = true;
      $('live-takeover-ask').hidden = false;
      $('live-takeover-ask').focus();
    }
  });

  // Single-key shortcuts (WCAG 2.1.4): the chair can turn them off, and they never act while focus is
  // in a field or on a control that uses the key itself.
  var shortcuts = $('live-shortcuts');
  if (shortcuts) {
    shortcuts.checked = window.localStorage.getItem('roundtable.live.shortcuts') !== 'off';
    shortcuts.addEventListener('change', function () {
      window.localStorage.setItem('roundtable.live.shortcuts', shortcuts.checked ? 'on' : 'off');
    });
  }

  document.addEventListener('keydown', function (e) {
    if (!shortcuts || !shortcuts.checked) { return; }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName) || e.target.isContentEditable) { return; }
    var key = e.key === '=' ? '+' : e.key.toLowerCase();
    var button = Array.prototype.find.call(root.querySelectorAll('button[data-key]'), function (b) { return b.dataset.key === key && !b.hidden && !b.closest('[hidden]'); });
    if (button) { e.preventDefault(); act(button); }
  });

  function connect() {
    var events = new EventSource(api + '/events');
    events.addEventListener('state', function (e) { render(JSON.parse(e.data)); });
    // EventSource reconnects by itself; the state arrives again on reconnect.
  }

  window.Roundtable.api.get(api)
    .then(function (r) { return r.json(); }).then(render).catch(function () {});
  connect();
  setInterval(tick, 250);
})();
