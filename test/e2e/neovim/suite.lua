-- Headless Neovim 0.7 (Debian's package) as a second real LSP client of dist/server.js. Run by
-- scripts/e2e/neovim-suite.mjs: `nvim --headless -u NONE -c "luafile test/e2e/neovim/suite.lua"`.
-- It only drives Neovim's own LSP client and records what it saw in a JSON file; the Node side
-- compares that with `soc2 check` and the expected edits. Uses vim.lsp.start_client and
-- buf_attach_client, which 0.7 has (vim.lsp.start is 0.8+).
local env = vim.env
local root, server, out, today = env.SOC2_NVIM_ROOT, env.SOC2_NVIM_SERVER, env.SOC2_NVIM_OUT, env.SOC2_NVIM_TODAY
local record = { diagnostics = {}, registrations = {}, steps = {} }
local indexed = false

local function uri(rel) return vim.uri_from_fname(root .. '/' .. rel) end
local function step(name, value) record.steps[name] = value end
local function finish()
  local f = io.open(out, 'w'); f:write(vim.fn.json_encode(record)); f:close()
  vim.cmd('qa!')
end

local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    record.diagnostics[result.uri] = result.diagnostics
    return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
  end,
  ['client/registerCapability'] = function(_, result)
    for _, r in ipairs(result.registrations or {}) do table.insert(record.registrations, r.method) end
    return vim.NIL
  end,
  ['$/progress'] = function(_, result)
    if result.value and result.value.kind == 'end' then indexed = true end
  end,
  ['window/workDoneProgress/create'] = function() return vim.NIL end,
}

local capabilities = vim.lsp.protocol.make_client_capabilities()
record.client_dynamic_watch = vim.tbl_get and vim.tbl_get(capabilities, 'workspace', 'didChangeWatchedFiles', 'dynamicRegistration') or false
local client_id = vim.lsp.start_client({
  name = 'soc2', cmd = { 'node', server, '--stdio' }, root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'lsp' } },
  init_options = { today = today, debounceMs = 0 }, capabilities = capabilities, handlers = handlers,
})

local ok, err = pcall(function()
  -- Open one policy, as a user would; every other file stays unopened.
  vim.cmd('edit ' .. root .. '/policies/access.md')
  local policy = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(policy, client_id)
  assert(vim.wait(20000, function() return indexed end, 50), 'the server never finished indexing')
  vim.wait(1500, function() return false end, 50) -- let the last publishes arrive
  local client = vim.lsp.get_client_by_id(client_id)
  record.initial = vim.deepcopy(record.diagnostics)

  -- Hover on a control id in the policy body, and go to its definition.
  local function pos_of(buf, needle, delta)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local s = line:find(needle, 1, true)
      if s then return { line = i - 1, character = s - 1 + (delta or 0) } end
    end
  end
  local p = pos_of(policy, '(AC-02)', 2)
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri('policies/access.md') }, position = p }, 10000, policy)
  step('hover', hover and hover.result)
  local def = client.request_sync('textDocument/definition', { textDocument = { uri = uri('policies/access.md') }, position = p }, 10000, policy)
  step('definition', def and def.result)

  -- A quick fix, applied through Neovim's own API: open the controls file, mark AC-02 reviewed today.
  vim.cmd('edit ' .. root .. '/controls/access.yaml')
  local controls = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(controls, client_id)
  vim.wait(500, function() return false end, 50)
  local stale
  for _, d in ipairs(record.diagnostics[uri('controls/access.yaml')] or {}) do if d.code == 'stale-review' then stale = d end end
  assert(stale, 'no stale-review diagnostic on controls/access.yaml')
  local actions = client.request_sync('textDocument/codeAction', { textDocument = { uri = uri('controls/access.yaml') }, range = stale.range, context = { diagnostics = { stale } } }, 10000, controls)
  local applied
  for _, a in ipairs((actions and actions.result) or {}) do
    if a.title:find('Mark as reviewed today', 1, true) then vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16'); applied = a.title end
  end
  step('quickfix', { title = applied, line = vim.api.nvim_buf_get_lines(controls, stale.range.start.line, stale.range.start.line + 1, false)[1] })

  -- Rename a control id across the repo, applied by Neovim, then written to disk.
  local r = pos_of(controls, 'id: AC-03', 5)
  local edit = client.request_sync('textDocument/rename', { textDocument = { uri = uri('controls/access.yaml') }, position = r, newName = 'AC-33' }, 10000, controls)
  if edit and edit.result then vim.lsp.util.apply_workspace_edit(edit.result, 'utf-16') end
  step('rename', edit and (edit.result and 'applied' or edit.err))
  vim.cmd('silent! wall')

  -- A change on disk to an unopened file, with no watcher registered by the client: the server sees it.
  local file = root .. '/controls/continuity.yaml'
  local f = io.open(file, 'a'); f:write('last_reviewed: ' .. today .. '\n'); f:close()
  local target = uri('controls/continuity.yaml')
  local seen = vim.wait(10000, function()
    for _, d in ipairs(record.diagnostics[target] or {}) do if d.code == 'missing-review-date' then return false end end
    return record.diagnostics[target] ~= nil
  end, 50)
  step('watched', seen)
  local final = {}
  for u, ds in pairs(record.diagnostics) do final[u] = ds end
  record.final = final
end)
if not ok then record.error = tostring(err) end
pcall(function() vim.lsp.stop_client(client_id) end)
finish()
