//! Packs the parts of the DOCX. Written here rather than by docx-rs for two reasons:
//! Word's own documents carry a theme (the Open XML SDK, which Office's checks build on,
//! requires the main document to have one: without it a file is "at risk" of a repair
//! prompt), and docx-rs stores every part uncompressed. The parts and their paths are
//! docx-rs's; the theme is ours: Office's colours, Times New Roman for headings and
//! body, as UN documents are set.

use std::io::Write;

use docx_rs::XMLDocx;
use zip8::write::SimpleFileOptions;

const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Rapporteur"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Rapporteur"><a:majorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#;

/// Inserts `what` before the last `before` of `part`; an error if there is none.
fn insert_before(part: &[u8], before: &str, what: &str) -> Result<Vec<u8>, String> {
    let text = String::from_utf8_lossy(part);
    let at = text
        .rfind(before)
        .ok_or_else(|| format!("no {before} to add the theme before"))?;
    Ok([&text[..at], what, &text[at..]].concat().into_bytes())
}

pub fn pack(xml: XMLDocx) -> Result<Vec<u8>, String> {
    let content_types = insert_before(
        &xml.content_type,
        "</Types>",
        r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#,
    )?;
    let document_rels = insert_before(
        &xml.document_rels,
        "</Relationships>",
        r#"<Relationship Id="rIdRapporteurTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml" />"#,
    )?;
    let mut parts: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), &content_types),
        ("_rels/.rels".into(), &xml.rels),
        ("docProps/app.xml".into(), &xml.doc_props.app),
        ("docProps/core.xml".into(), &xml.doc_props.core),
        ("docProps/custom.xml".into(), &xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), &document_rels),
        ("word/document.xml".into(), &xml.document),
        ("word/styles.xml".into(), &xml.styles),
        ("word/settings.xml".into(), &xml.settings),
        ("word/fontTable.xml".into(), &xml.font_table),
        ("word/comments.xml".into(), &xml.comments),
        ("word/numbering.xml".into(), &xml.numberings),
        ("word/commentsExtended.xml".into(), &xml.comments_extended),
        ("word/footnotes.xml".into(), &xml.footnotes),
        ("word/theme/theme1.xml".into(), THEME.as_bytes()),
    ];
    for (n, header) in xml.headers.iter().enumerate() {
        parts.push((format!("word/header{}.xml", n + 1), header));
        if let Some(rels) = xml.header_rels.get(n) {
            parts.push((format!("word/_rels/header{}.xml.rels", n + 1), rels));
        }
    }
    for (n, footer) in xml.footers.iter().enumerate() {
        parts.push((format!("word/footer{}.xml", n + 1), footer));
        if let Some(rels) = xml.footer_rels.get(n) {
            parts.push((format!("word/_rels/footer{}.xml.rels", n + 1), rels));
        }
    }
    let mut zip = zip8::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        SimpleFileOptions::default().compression_method(zip8::CompressionMethod::Deflated);
    for (path, bytes) in parts {
        zip.start_file(path, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}
