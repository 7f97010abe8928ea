// 财表审核 · the WPS add-in's ribbon callbacks, loaded by index.html when WPS starts the add-in.
// Plain ES5 on purpose: this file is not bundled or transpiled, and WPS runs it in whatever
// engine the installed version embeds (ribbon.xml names these functions).
/* global window, document */
/* eslint-disable no-var */

var FISCAL_CHECK_BUTTON = "btnFiscalCheck";
/** PluginStorage key of the pane's id: a second click toggles the same pane instead of adding one. */
var FISCAL_CHECK_PANE_KEY = "fiscal_check_taskpane_id";
/** Kso.MsoCTPDockPosition.msoCTPDockPositionRight */
var FISCAL_CHECK_DOCK_RIGHT = 2;
var FISCAL_CHECK_PANE_WIDTH = 380;

/** The add-in folder's URL (file:///…/jsaddons/fiscal-check_0.1.0/ or http://server/fiscal-check/). */
function fiscalCheckBaseUrl() {
  var href = String(document.location.href).split("#")[0].split("?")[0];
  return href.substring(0, href.lastIndexOf("/") + 1);
}

function fiscalCheckApp() {
  return window.Application || window.wps;
}

function OnAddinLoad(ribbonUI) {
  var app = fiscalCheckApp();
  if (app && typeof app.ribbonUI !== "object") app.ribbonUI = ribbonUI;
  return true;
}

/** Opens the pane docked right, or shows / hides the one opened before. */
function fiscalCheckTogglePane() {
  var app = fiscalCheckApp();
  var storage = app.PluginStorage;
  var id = storage.getItem(FISCAL_CHECK_PANE_KEY);
  var pane = null;
  if (id) {
    try {
      pane = app.GetTaskPane(id);
    } catch (e) {
      pane = null; // closed with its window: make a new one
    }
  }
  if (pane) {
    pane.Visible = !pane.Visible;
    return pane;
  }
  pane = app.CreateTaskPane(fiscalCheckBaseUrl() + "taskpane.html", "财表审核");
  storage.setItem(FISCAL_CHECK_PANE_KEY, pane.ID);
  pane.DockPosition = FISCAL_CHECK_DOCK_RIGHT;
  try {
    pane.Width = FISCAL_CHECK_PANE_WIDTH;
  } catch (e) {
    // older WPS: the width is the user's to set
  }
  pane.Visible = true;
  return pane;
}

function OnAction(control) {
  if (control && control.Id === FISCAL_CHECK_BUTTON) fiscalCheckTogglePane();
  return true;
}

function GetImage(control) {
  return "assets/icon-32.png";
}

function OnGetEnabled(control) {
  return true;
}
