/**
 * The playground's spreadsheet view of a {@link PlaygroundHost}: sheet tabs, column letters and row
 * numbers, merged cells, values as their number format displays them, fills (highlights included),
 * borders and row heights from the file, the selection, and editing as in Excel (double-click, F2 or
 * Enter edit the cell; typing on a selected cell replaces it; Delete clears it; Enter commits, Esc
 * cancels), so that 自动复查 can be tried. Arrow keys move the selection while the grid has focus. The
 * cells related to the finding clicked in the pane are outlined, like Excel's trace precedents.
 */
import { useEffect, useReducer, useRef, useState, type KeyboardEvent } from "react";
import { a1, columnLetters, parseA1 } from "../core/address";
import { columnCount, type SheetSnapshot } from "../core/snapshot";
import type { PlaygroundHost } from "../hosts/playground/playground-host";
import { displayText, editText, isNumeric, parseInput } from "./display";
import type { CellBorders, SheetLook } from "./workbook-file";

/** The cell being edited and the text the editor starts with (typing replaces, F2 keeps the content). */
interface Editing {
  cell: string;
  initial: string;
}

/** Rows drawn at once; a selection further down moves the window (real tables are far smaller). */
const WINDOW_ROWS = 1000;
const DEFAULT_WIDTH = 72;

export function useModelVersion(host: PlaygroundHost): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => host.onModelChange(bump), [host]);
  return version;
}

export function Grid({ host, looks, lang }: { host: PlaygroundHost; looks: Map<string, SheetLook>; lang: "zh" | "en" }) {
  useModelVersion(host);
  const selection = host.selection;
  const names = host.sheetNames();
  const sheetName = selection?.sheet ?? names[0];
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  // Keep the selected cell in view (a click on a finding selects a cell far away).
  useEffect(() => {
    if (!selection) return;
    const grid = gridRef.current;
    const td = grid?.querySelector<HTMLElement>(`td[data-cell="${selection.cell}"]`);
    if (grid && td) scrollCellIntoView(grid, td);
  }, [selection?.sheet, selection?.cell]);

  if (!sheetName) return null;
  const sheet = host.sheet(sheetName);
  const look = looks.get(sheetName);
  const selected = selection?.sheet === sheetName ? selection.cell : undefined;
  const selectedAt = selected ? parseA1(selected) : null;

  const move = (dr: number, dc: number) => {
    const at = selectedAt ?? { row: 0, col: 0 };
    void host.select(sheetName, a1(Math.max(0, at.row + dr), Math.max(0, at.col + dc)));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, e.shiftKey ? -1 : 1] };
    const d = step[e.key];
    if (d && !(e.key === "Tab")) {
      e.preventDefault();
      move(d[0], d[1]);
    } else if ((e.key === "Enter" || e.key === "F2") && selected) {
      e.preventDefault();
      setEditing({ cell: selected, initial: editText(sheet.rows[selectedAt!.row]?.[selectedAt!.col]) });
    } else if ((e.key === "Delete" || e.key === "Backspace") && selected) {
      // Excel: Delete empties the cell (its format stays); Backspace empties it and starts editing.
      e.preventDefault();
      if (e.key === "Backspace") setEditing({ cell: selected, initial: "" });
      else if (editText(sheet.rows[selectedAt!.row]?.[selectedAt!.col]) !== "") host.editCell(sheetName, selected, null);
    } else if (selected && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === "Process")) {
      // Typing on a selected cell replaces its content, as in Excel (an IME's first key arrives as "Process").
      e.preventDefault();
      setEditing({ cell: selected, initial: e.key.length === 1 ? e.key : "" });
    }
  };

  return (
    <div className="pg-sheet">
      <FormulaBar host={host} sheet={sheet} cell={selected} lang={lang} />
      <div className="pg-grid" ref={gridRef} tabIndex={0} onKeyDown={onKeyDown} role="grid" aria-label={sheetName} data-grid={sheetName}>
        <SheetTable
          sheet={sheet}
          look={look}
          host={host}
          selected={selected}
          editing={editing}
          onSelect={(cell) => void host.select(sheetName, cell)}
          onEdit={(cell) => {
            const at = parseA1(cell)!;
            setEditing({ cell, initial: editText(sheet.rows[at.row]?.[at.col]) });
          }}
          related={host.relatedCells(sheetName)}
          onCommit={(cell, text) => {
            setEditing(null);
            if (text !== null) host.editCell(sheetName, cell, parseInput(text));
            gridRef.current?.focus();
          }}
        />
      </div>
      <SheetTabs names={names} active={sheetName} lang={lang} onPick={(name) => void host.select(name, "A1")} />
    </div>
  );
}

/**
 * The sheet tabs as one tab stop (a workbook of 17 sheets must not cost 17 Tabs before the pane):
 * ←/→, Home/End move between tabs; the active tab is kept in view when a finding selects another sheet.
 */
function SheetTabs({ names, active, lang, onPick }: { names: string[]; active: string; lang: "zh" | "en"; onPick: (name: string) => void }) {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const tab = [...(listRef.current?.querySelectorAll<HTMLElement>("[data-tab]") ?? [])].find((el) => el.dataset.tab === active);
    tab?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = names.indexOf(active);
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: names.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const name = names[Math.min(names.length - 1, Math.max(0, to))];
    if (!name) return;
    onPick(name);
    // Focus follows the tab once it is drawn as the active one.
    requestAnimationFrame(() => [...(listRef.current?.querySelectorAll<HTMLElement>("[data-tab]") ?? [])].find((el) => el.dataset.tab === name)?.focus());
  };
  // Many sheets: arrows show that the tab bar scrolls, as in Excel (the tabs themselves stay one Tab stop).
  const [overflow, setOverflow] = useState(false);
  useEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const check = () => setOverflow(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(check) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [names.length]);
  const scroll = (dir: number) => listRef.current?.scrollBy({ left: dir * 160, behavior: "smooth" });
  return (
    <div className="pg-tabbar" data-tabs-overflow={overflow || undefined}>
      {overflow && (
        <>
          <button type="button" className="pg-tab-arrow" tabIndex={-1} aria-label={lang === "zh" ? "向左滚动工作表标签" : "Scroll the sheet tabs left"} onClick={() => scroll(-1)} data-tabs-scroll="left">
            ◀
          </button>
          <button type="button" className="pg-tab-arrow" tabIndex={-1} aria-label={lang === "zh" ? "向右滚动工作表标签" : "Scroll the sheet tabs right"} onClick={() => scroll(1)} data-tabs-scroll="right">
            ▶
          </button>
        </>
      )}
    <div className="pg-tabs" role="tablist" aria-label={lang === "zh" ? "工作表" : "Sheets"} ref={listRef} onKeyDown={onKeyDown}>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className={name === active ? "pg-tab pg-tab-active" : "pg-tab"}
          onClick={() => onPick(name)}
          data-tab={name}
        >
          {name}
        </button>
      ))}
    </div>
    </div>
  );
}

/**
 * Brings a cell into view below the sticky column letters and beside the sticky row numbers (the
 * browser's scrollIntoView leaves it under them); a merged cell wider than the grid shows its start.
 */
function scrollCellIntoView(grid: HTMLElement, td: HTMLElement): void {
  const g = grid.getBoundingClientRect();
  const c = td.getBoundingClientRect();
  const rowHeader = grid.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
  const colHeader = grid.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  const left = c.left - g.left + grid.scrollLeft - rowHeader;
  const top = c.top - g.top + grid.scrollTop - colHeader;
  const width = grid.clientWidth - rowHeader;
  const height = grid.clientHeight - colHeader;
  if (left < grid.scrollLeft || c.width > width) grid.scrollLeft = Math.max(0, left);
  else if (left + c.width > grid.scrollLeft + width) grid.scrollLeft = left + c.width - width;
  if (top < grid.scrollTop || c.height > height) grid.scrollTop = Math.max(0, top);
  else if (top + c.height > grid.scrollTop + height) grid.scrollTop = top + c.height - height;
}

function FormulaBar({ sheet, cell, lang }: { host: PlaygroundHost; sheet: SheetSnapshot; cell: string | undefined; lang: "zh" | "en" }) {
  const at = cell ? parseA1(cell) : null;
  const snap = at ? sheet.rows[at.row]?.[at.col] : undefined;
  return (
    <div className="pg-formula-bar" aria-label={lang === "zh" ? "编辑栏" : "Formula bar"}>
      <span className="pg-name-box" data-selected-cell={cell ?? ""}>
        {cell ?? ""}
      </span>
      <span className="pg-formula">{editText(snap)}</span>
    </div>
  );
}

interface TableProps {
  sheet: SheetSnapshot;
  look: SheetLook | undefined;
  host: PlaygroundHost;
  selected: string | undefined;
  editing: Editing | null;
  /** Cells to outline (related to the finding clicked in the pane). */
  related: ReadonlySet<string>;
  onSelect: (cell: string) => void;
  onEdit: (cell: string) => void;
  onCommit: (cell: string, text: string | null) => void;
}

function SheetTable({ sheet, look, host, selected, editing, related, onSelect, onEdit, onCommit }: TableProps) {
  let rows = sheet.rows.length;
  let cols = columnCount(sheet);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const selectedAt = selected ? parseA1(selected) : null;
  rows = Math.max(rows + 2, (selectedAt?.row ?? 0) + 1, 20);
  cols = Math.max(cols + 1, (selectedAt?.col ?? 0) + 1, 8);
  const start = selectedAt && selectedAt.row >= WINDOW_ROWS ? selectedAt.row - Math.floor(WINDOW_ROWS / 2) : 0;
  const end = Math.min(rows, start + WINDOW_ROWS);

  const header = [];
  for (let c = 0; c < cols; c++) {
    header.push(
      <th key={c} scope="col" style={{ width: look?.widths[c] ?? DEFAULT_WIDTH, minWidth: look?.widths[c] ?? DEFAULT_WIDTH }}>
        {columnLetters(c)}
      </th>,
    );
  }
  const body = [];
  for (let r = start; r < end; r++) {
    const tds = [];
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const address = a1(r, c);
      const cell = sheet.rows[r]?.[c];
      const span = spans.get(`${r},${c}`);
      const fill = host.fillAt(sheet.name, address);
      const isSelected = address === selected;
      const align = look?.align[address] ?? (isNumeric(cell) ? "right" : undefined);
      const borders = look ? cellBorders(look, r, c, span) : undefined;
      const wraps = !look || look.wrap.has(address) || span !== undefined;
      tds.push(
        <td
          key={c}
          data-cell={address}
          role="gridcell"
          aria-selected={isSelected}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          className={[isSelected && "pg-selected", related.has(address) && "pg-related", !wraps && "pg-nowrap"].filter(Boolean).join(" ") || undefined}
          data-related={related.has(address) || undefined}
          style={{
            backgroundColor: fill ?? undefined,
            textAlign: align,
            fontWeight: look?.bold.has(address) ? 600 : undefined,
            borderTop: borders?.top,
            borderRight: borders?.right,
            borderBottom: borders?.bottom,
            borderLeft: borders?.left,
          }}
          data-fill={fill ?? ""}
          title={host.noteAt(sheet.name, address)}
          onClick={() => onSelect(address)}
          onDoubleClick={() => onEdit(address)}
        >
          {editing?.cell === address ? <CellEditor initial={editing.initial} onDone={(text) => onCommit(address, text)} /> : displayText(cell)}
        </td>,
      );
    }
    body.push(
      <tr key={r} style={look?.heights[r] ? { height: look.heights[r] } : undefined}>
        <th scope="row">{r + 1}</th>
        {tds}
      </tr>,
    );
  }
  return (
    <table className="pg-table">
      <thead>
        <tr>
          <th className="pg-corner" />
          {header}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

/** A cell's borders from the file; a merged area takes its right and bottom sides from its far cells. */
function cellBorders(look: SheetLook, r: number, c: number, span: { rowSpan: number; colSpan: number } | undefined): CellBorders | undefined {
  const own = look.borders[a1(r, c)];
  if (!span) return own;
  const right = look.borders[a1(r, c + span.colSpan - 1)]?.right;
  const bottom = look.borders[a1(r + span.rowSpan - 1, c)]?.bottom;
  const out: CellBorders = { ...own };
  if (right) out.right = right;
  if (bottom) out.bottom = bottom;
  return Object.keys(out).length > 0 ? out : undefined;
}

function CellEditor({ initial, onDone }: { initial: string; onDone: (text: string | null) => void }) {
  const [text, setText] = useState(initial);
  const finished = useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  return (
    <input
      className="pg-editor"
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(text);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={() => finish(text)}
      // The caret after the typed character (or the content), as in Excel.
      onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
    />
  );
}
