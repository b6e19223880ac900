//! The XLSX workbook: every table of [`super::tables`] on its sheet under
//! one translated header row (frozen, with the first column), coded
//! columns doubled into a label and its code.

use anyhow::Result;
use rust_xlsxwriter::{
    ColNum, Color, ConditionalFormat3ColorScale, ConditionalFormatType, DocProperties, ExcelDateTime, Format,
    FormatBorder, Note, RowNum, Workbook, Worksheet,
};

use super::tables::*;
use super::*;
use crate::analytics::{CampaignReport, ChannelView};

pub(super) struct Formats {
    header: Format,
    points: Format,
    significant: Format,
    probability: Format,
    correlation: Format,
    mean: Format,
    count: Format,
}

impl Formats {
    fn new() -> Formats {
        let one = "0.0";
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border_bottom(FormatBorder::Thin),
            points: Format::new().set_num_format(one),
            significant: Format::new().set_num_format(one).set_bold(),
            probability: Format::new().set_num_format("0.000"),
            correlation: Format::new().set_num_format("0.00"),
            mean: Format::new().set_num_format("0.00"),
            count: Format::new().set_num_format("0"),
        }
    }

    fn of(&self, fmt: Fmt) -> &Format {
        match fmt {
            Fmt::Points => &self.points,
            Fmt::SignificantPoints => &self.significant,
            Fmt::Probability => &self.probability,
            Fmt::Correlation => &self.correlation,
            Fmt::Mean => &self.mean,
        }
    }
}

/// What a sheet writer needs besides the table.
pub(super) struct Pen<'a> {
    labels: &'a dyn Fn(&str) -> String,
    /// The sentence of a recommendation's reason, in the reader's language.
    reasons: &'a dyn Fn(&crate::analytics::recommendations::Because) -> String,
    formats: &'a Formats,
    /// Put on every suppressed cell when given.
    hidden_note: Option<&'a Note>,
}

impl Pen<'_> {
    fn label(&self, keys: &[String]) -> String {
        keys.iter().map(|k| (self.labels)(k)).collect::<Vec<_>>().join(" · ")
    }
}

/// Last row and column written.
pub(super) struct Extent {
    last_row: RowNum,
    last_col: ColNum,
}

pub(super) fn width(columns: &[Column]) -> usize {
    columns.iter().map(|c| if c.coded { 2 } else { 1 }).sum()
}

pub(super) fn write_header(ws: &mut Worksheet, table: &Table, at: ColNum, pen: &Pen<'_>) -> Result<()> {
    let f = pen.formats;
    let mut c = at;
    for column in &table.columns {
        ws.write_string_with_format(0, c, (pen.labels)(&column.key), &f.header)?;
        if column.coded {
            c += 1;
            ws.write_string_with_format(0, c, (pen.labels)(&format!("{}-code", column.key)), &f.header)?;
        }
        c += 1;
    }
    Ok(())
}

pub(super) fn write_cell(
    ws: &mut Worksheet,
    row: RowNum,
    c: ColNum,
    cell: &Cell,
    coded: bool,
    pen: &Pen<'_>,
) -> Result<()> {
    let f = pen.formats;
    match cell {
        Cell::Empty => {}
        Cell::Hidden => {
            if let Some(note) = pen.hidden_note {
                ws.insert_note(row, c, note)?;
            }
        }
        Cell::Text(t) => {
            ws.write_string(row, c, t)?;
        }
        Cell::Code { code, keys } => {
            ws.write_string(row, c, pen.label(keys))?;
            if coded {
                ws.write_string(row, c + 1, code)?;
            }
        }
        Cell::Number(v, fmt) => {
            ws.write_number_with_format(row, c, *v, f.of(*fmt))?;
        }
        Cell::Count(n) => {
            // Counts stay far below 2^53: exact as f64.
            ws.write_number_with_format(row, c, *n as f64, &f.count)?;
        }
        Cell::Flag(b) => {
            ws.write_boolean(row, c, *b)?;
        }
        Cell::Reason(because) => {
            ws.write_string(row, c, (pen.reasons)(because))?;
        }
    }
    Ok(())
}

/// Writes `table` with its two header rows from column `at`.
pub(super) fn write_table(ws: &mut Worksheet, table: &Table, at: ColNum, pen: &Pen<'_>) -> Result<Extent> {
    write_header(ws, table, at, pen)?;
    let mut last_row = RowNum::try_from(HEADER_ROWS - 1)?;
    for (i, cells) in table.rows.iter().enumerate() {
        let row = RowNum::try_from(HEADER_ROWS + i)?;
        let mut c = at;
        for (cell, column) in cells.iter().zip(&table.columns) {
            write_cell(ws, row, c, cell, column.coded, pen)?;
            c += if column.coded { 2 } else { 1 };
        }
        last_row = row;
    }
    let last_col = at + ColNum::try_from(width(&table.columns))? - 1;
    Ok(Extent { last_row, last_col })
}

/// Frozen header row and first column, autofilter over the first table,
/// fitted widths.
pub(super) fn finish(ws: &mut Worksheet, filtered: &Extent) -> Result<()> {
    let header = RowNum::try_from(HEADER_ROWS)?;
    ws.set_freeze_panes(header, 1)?;
    ws.autofilter(header - 1, 0, filtered.last_row, filtered.last_col)?;
    ws.set_autofit_max_width(MAX_COLUMN_PIXELS);
    ws.autofit();
    Ok(())
}

/// A cell note signed by the application rather than Excel's "Author".
pub(super) fn note(text: String) -> Note {
    Note::new(text).set_author("Miroir").add_author_prefix(false)
}

/// The sheet's name in the reader's language (`export-sheet-{code}`).
pub(super) fn sheet_name(code: &str, pen: &Pen<'_>) -> String {
    (pen.labels)(&format!("export-sheet-{}", code.to_lowercase()))
}

pub(super) fn table_sheet(workbook: &mut Workbook, code: &str, table: &Table, pen: &Pen<'_>) -> Result<()> {
    let ws = workbook.add_worksheet();
    ws.set_name(sheet_name(code, pen))?;
    let extent = write_table(ws, table, 0, pen)?;
    finish(ws, &extent)
}

pub(super) fn heat_map_sheet(workbook: &mut Workbook, report: &CampaignReport, pen: &Pen<'_>) -> Result<()> {
    let table = heat_map_table(report)?;
    let ws = workbook.add_worksheet();
    ws.set_name(sheet_name(SHEETS[4], pen))?;
    let extent = write_table(ws, &table, 0, pen)?;
    let first = ColNum::try_from(width(&identity_columns()))?;
    let scale = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, -HEAT_SCALE)
        .set_midpoint(ConditionalFormatType::Number, 0)
        .set_maximum(ConditionalFormatType::Number, HEAT_SCALE)
        // Orange (employees below customers) – white – purple: PuOr,
        // readable with the common colour-vision deficiencies.
        .set_minimum_color(Color::RGB(0xE6_61_01))
        .set_midpoint_color(Color::White)
        .set_maximum_color(Color::RGB(0x5E_3C_99));
    let header = RowNum::try_from(HEADER_ROWS)?;
    ws.add_conditional_format(header, first, extent.last_row.max(header), extent.last_col, &scale)?;
    let legend = note((pen.labels)("export-note-heat-map"));
    ws.insert_note(0, first, &legend)?;
    finish(ws, &extent)
}

pub(super) fn linkage_sheet(workbook: &mut Workbook, report: &CampaignReport, pen: &Pen<'_>) -> Result<()> {
    let ws = workbook.add_worksheet();
    ws.set_name(sheet_name(SHEETS[5], pen))?;
    let [correlations, drivers, quadrants] = linkage_tables(report);
    let first = write_table(ws, &correlations, 0, pen)?;
    // One blank column between the side-by-side tables.
    let second = write_table(ws, &drivers, first.last_col + 2, pen)?;
    write_table(ws, &quadrants, second.last_col + 2, pen)?;
    if report.linkage.eei_csi.is_none() {
        let why = note((pen.labels)("export-note-linkage-unavailable"));
        ws.insert_note(0, 0, &why)?;
    }
    finish(ws, &first)
}

/// The workbook of a campaign report: one sheet per view (see [`SHEETS`];
/// "Channels" only when `channel_view` is given). `labels` translates a
/// message key into the reader's language; codes keep their own columns.
/// Numbers are numbers at full precision, shown with one decimal (p-values
/// three, correlations and means two); suppressed figures are empty cells.
/// The heat-map colours the symmetry gap E − C on a fixed scale (orange at
/// −25 points, white at 0, purple at +25), significant gaps in bold, and
/// notes its suppressed cells. The document's creation date is fixed, so the
/// same report always gives the same bytes.
pub fn report_xlsx(
    report: &CampaignReport,
    channel_view: Option<&ChannelView>,
    waves: Option<&Waves<'_>>,
    labels: &dyn Fn(&str) -> String,
    reasons: &dyn Fn(&crate::analytics::recommendations::Because) -> String,
) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let properties = DocProperties::new()
        .set_title(&report.campaign.name)
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    let formats = Formats::new();
    let suppressed = note(labels("export-note-suppressed"));
    let noted = Pen {
        labels,
        reasons,
        formats: &formats,
        hidden_note: Some(&suppressed),
    };
    let plain = Pen {
        hidden_note: None,
        ..noted
    };
    table_sheet(&mut workbook, SHEETS[0], &summary_table(report), &noted)?;
    table_sheet(&mut workbook, SHEETS[1], &scores_table(report)?, &plain)?;
    table_sheet(&mut workbook, SHEETS[2], &gaps_table(report)?, &plain)?;
    table_sheet(&mut workbook, SHEETS[3], &indices_table(report), &plain)?;
    heat_map_sheet(&mut workbook, report, &noted)?;
    linkage_sheet(&mut workbook, report, &plain)?;
    if let Some(view) = channel_view {
        table_sheet(&mut workbook, SHEETS[6], &channel_table(view), &plain)?;
    }
    table_sheet(&mut workbook, SHEETS[7], &recommendations_table(report), &plain)?;
    if waves.is_some() {
        table_sheet(&mut workbook, SHEETS[8], &waves_table(waves), &plain)?;
    }
    Ok(workbook.save_to_buffer()?)
}
