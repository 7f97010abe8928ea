/** Words of the playground page around the pane. */
import type { Lang } from "../taskpane/i18n";

export const PLAYGROUND_STRINGS = {
  zh: {
    title: "财表审核 · 演示",
    open: "打开 .xlsx…",
    sample: "示例工作簿",
    samplePick: "选择示例…",
    download: "下载修改后的 .xlsx",
    local: "文件只在本机浏览器中处理，不会上传。",
    welcomeTitle: "打开一个工作簿开始检查",
    welcomeBody: "点击“打开 .xlsx…”，或把 .xlsx 文件拖到这里，或选择一个示例工作簿。",
    dropHere: "松开鼠标以打开文件",
    loading: (name: string) => `正在打开「${name}」…`,
    openFailed: (name: string) => `无法打开「${name}」：`,
    keptOpen: (name: string) => `仍显示原来的「${name}」。`,
    paneHint: "打开工作簿后，在这里检查。",
    editHint: "双击单元格或按 Enter 修改；修改后会自动复查。",
  },
  en: {
    title: "Fiscal check · playground",
    open: "Open .xlsx…",
    sample: "Sample workbooks",
    samplePick: "Choose a sample…",
    download: "Download the changed .xlsx",
    local: "Files are processed in this browser only; nothing is uploaded.",
    welcomeTitle: "Open a workbook to start",
    welcomeBody: "Select Open .xlsx…, drop an .xlsx file here, or choose a sample workbook.",
    dropHere: "Release to open the file",
    loading: (name: string) => `Opening "${name}"…`,
    openFailed: (name: string) => `Could not open "${name}": `,
    keptOpen: (name: string) => `"${name}" is still open.`,
    paneHint: "Open a workbook, then check it here.",
    editHint: "Double-click a cell or press Enter to edit; edits are re-checked automatically.",
  },
} satisfies Record<Lang, unknown>;
