//! Puts the XML parts docx-rs builds into the order ISO/IEC 29500 (Transitional) requires,
//! the order Word itself checks: the children of every element we emit sorted by the
//! schema's sequence, the empty run properties the schema does not allow inside a
//! style's or a list level's paragraph properties dropped, and the footnote mark
//! (`w:footnoteRef`) put at the start of each footnote. docx-rs stays the writer; this
//! pass only reorders what it wrote, so its text and attributes are kept byte for byte.

use quick_xml::Reader;
use quick_xml::events::Event;

/// An element's children in schema order (ECMA-376 Part 1, Annex A; for `w:rPr` the
/// order Office's own validator uses). Children not listed keep their place at the end.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:numPr",
        &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:lvl",
        &[
            "w:start",
            "w:numFmt",
            "w:lvlRestart",
            "w:pStyle",
            "w:isLgl",
            "w:suff",
            "w:lvlText",
            "w:lvlPicBulletId",
            "w:legacy",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
    ),
    (
        "w:abstractNum",
        &[
            "w:nsid",
            "w:multiLevelType",
            "w:tmpl",
            "w:name",
            "w:styleLink",
            "w:numStyleLink",
            "w:lvl",
        ],
    ),
    (
        "w:numbering",
        &[
            "w:numPicBullet",
            "w:abstractNum",
            "w:num",
            "w:numIdMacAtCleanup",
        ],
    ),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    ("w:styles", &["w:docDefaults", "w:latentStyles", "w:style"]),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
];

/// Paragraph properties whose schema type (`CT_PPrGeneral`) has no run properties.
const NO_RUN_PROPERTIES_IN: &[&str] = &["w:style", "w:lvl", "w:pPrDefault"];

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Element {
        name: String,
        /// The tag as written, name and attributes: kept byte for byte.
        tag: Vec<u8>,
        children: Vec<Node>,
    },
    /// Text, a reference, a comment or a declaration, as written.
    Raw(Vec<u8>),
}

impl Node {
    fn name(&self) -> Option<&str> {
        match self {
            Node::Element { name, .. } => Some(name),
            Node::Raw(_) => None,
        }
    }
}

fn element(name: &str, tag: &[u8], children: Vec<Node>) -> Node {
    Node::Element {
        name: name.to_string(),
        tag: tag.to_vec(),
        children,
    }
}

fn parse(part: &[u8]) -> Result<Vec<Node>, String> {
    let mut reader = Reader::from_reader(part);
    reader.config_mut().trim_text(false);
    // Open elements: (name, tag, children so far).
    let mut stack: Vec<(String, Vec<u8>, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let push = |stack: &mut Vec<(String, Vec<u8>, Vec<Node>)>, top: &mut Vec<Node>, n| match stack
        .last_mut()
    {
        Some((_, _, children)) => children.push(n),
        None => top.push(n),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        let raw = |open: &[u8], body: &[u8], close: &[u8]| Node::Raw([open, body, close].concat());
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                stack.push((name, e.to_vec(), Vec::new()));
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                // `<a x="1" />`: the space before the slash is the writer's, not the tag's.
                push(
                    &mut stack,
                    &mut top,
                    element(&name, e.trim_ascii_end(), Vec::new()),
                );
            }
            Event::End(e) => {
                let (name, tag, children) = stack.pop().ok_or_else(|| {
                    format!("</{}> with no tag open", String::from_utf8_lossy(&e))
                })?;
                if name.as_bytes() != &*e {
                    return Err(format!(
                        "<{name}> closed by </{}>",
                        String::from_utf8_lossy(&e)
                    ));
                }
                push(&mut stack, &mut top, element(&name, &tag, children));
            }
            Event::Text(t) => push(&mut stack, &mut top, Node::Raw(t.to_vec())),
            Event::GeneralRef(r) => push(&mut stack, &mut top, raw(b"&", &r, b";")),
            Event::CData(c) => push(&mut stack, &mut top, raw(b"<![CDATA[", &c, b"]]>")),
            Event::Comment(c) => push(&mut stack, &mut top, raw(b"<!--", &c, b"-->")),
            Event::Decl(d) => push(&mut stack, &mut top, raw(b"<?", &d, b"?>")),
            Event::PI(p) => push(&mut stack, &mut top, raw(b"<?", &p, b"?>")),
            Event::DocType(d) => push(&mut stack, &mut top, raw(b"<!DOCTYPE ", &d, b">")),
            Event::Eof => break,
        }
    }
    match stack.last() {
        Some((name, _, _)) => Err(format!("<{name}> is never closed")),
        None => Ok(top),
    }
}

fn write(nodes: &[Node], out: &mut Vec<u8>) {
    for node in nodes {
        match node {
            Node::Raw(bytes) => out.extend_from_slice(bytes),
            Node::Element {
                name,
                tag,
                children,
            } => {
                out.push(b'<');
                out.extend_from_slice(tag);
                if children.is_empty() {
                    out.extend_from_slice(b" />");
                } else {
                    out.push(b'>');
                    write(children, out);
                    out.extend_from_slice(b"</");
                    out.extend_from_slice(name.as_bytes());
                    out.push(b'>');
                }
            }
        }
    }
}

fn order_of(name: &str) -> Option<&'static [&'static str]> {
    ORDERS.iter().find(|(n, _)| *n == name).map(|(_, o)| *o)
}

/// Sorts and drops as the module says, from the leaves up. `parent`: the name of the
/// element holding `nodes` (empty for the document itself).
fn mend(nodes: &mut [Node], parent: &str) {
    for node in nodes.iter_mut() {
        let Node::Element { name, children, .. } = node else {
            continue;
        };
        if name == "w:pPr" && NO_RUN_PROPERTIES_IN.contains(&parent) {
            children.retain(|c| {
                !matches!(c, Node::Element { name, children, .. } if name == "w:rPr" && children.is_empty())
            });
        }
        mend(children, name);
    }
    if let Some(order) = order_of(parent) {
        // Stable: what the table does not list keeps its order, after what it lists.
        let rank = |n: &Node| {
            n.name()
                .map(|name| order.iter().position(|o| *o == name).unwrap_or(order.len()))
                .unwrap_or(order.len())
        };
        nodes.sort_by_key(rank);
    }
}

/// Orders one part (any part: only the elements listed above are touched).
pub fn order(part: &[u8]) -> Result<Vec<u8>, String> {
    let mut top = parse(part)?;
    mend(&mut top, "");
    let mut out = Vec::with_capacity(part.len() + 64);
    write(&top, &mut out);
    Ok(out)
}

/// Puts the footnote mark at the start of every real footnote (not the separators):
/// docx-rs writes the footnote's text without the `w:footnoteRef` that numbers it.
fn mark_footnotes(top: &mut [Node]) {
    let mark = element(
        "w:r",
        b"w:r",
        vec![
            element(
                "w:rPr",
                b"w:rPr",
                vec![element(
                    "w:rStyle",
                    br#"w:rStyle w:val="FootnoteReference""#,
                    Vec::new(),
                )],
            ),
            element("w:footnoteRef", b"w:footnoteRef", Vec::new()),
        ],
    );
    for root in top.iter_mut() {
        let Node::Element { children, .. } = root else {
            continue;
        };
        for footnote in children.iter_mut() {
            let Node::Element {
                name,
                tag,
                children,
            } = footnote
            else {
                continue;
            };
            let separator = String::from_utf8_lossy(tag).contains("w:type=");
            if name != "w:footnote" || separator {
                continue;
            }
            let Some(Node::Element { children: p, .. }) =
                children.iter_mut().find(|c| c.name() == Some("w:p"))
            else {
                continue;
            };
            let has_mark = p.iter().any(|r| match r {
                Node::Element { children, .. } => {
                    children.iter().any(|c| c.name() == Some("w:footnoteRef"))
                }
                Node::Raw(_) => false,
            });
            if !has_mark {
                let at = usize::from(p.first().and_then(Node::name) == Some("w:pPr"));
                p.insert(at, mark.clone());
            }
        }
    }
}

/// Sets the `w:id="..."` of a tag to `id`.
fn with_id(tag: &[u8], id: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(tag);
    let Some(start) = text.find("w:id=\"") else {
        return tag.to_vec();
    };
    let value = start + "w:id=\"".len();
    let end = text[value..].find('"').map_or(text.len(), |e| value + e);
    format!("{}{id}{}", &text[..value], &text[end..]).into_bytes()
}

/// Renumbers every element named `name` (not a separator: no `w:type`) 1, 2, 3 ... in
/// document order, counting them in `next`.
fn renumber(nodes: &mut [Node], name: &str, next: &mut usize) {
    for node in nodes.iter_mut() {
        let Node::Element {
            name: n,
            tag,
            children,
        } = node
        else {
            continue;
        };
        if n == name && !String::from_utf8_lossy(tag).contains("w:type=") {
            *next += 1;
            *tag = with_id(tag, *next);
        }
        renumber(children, name, next);
    }
}

/// The document and its footnotes, which must agree on the footnotes' ids, each parsed
/// once: the footnotes numbered 1..N in both by their order (docx-rs collects them in
/// the order of their references, but takes their ids from one counter shared by every
/// document built in the process, which two exports at once can leave pointing at a
/// footnote not there), their marks added, and both put in schema order.
pub fn document_and_footnotes(
    document: &[u8],
    footnotes: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut doc = parse(document)?;
    let mut notes = parse(footnotes)?;
    let (mut references, mut bodies) = (0, 0);
    renumber(&mut doc, "w:footnoteReference", &mut references);
    renumber(&mut notes, "w:footnote", &mut bodies);
    if references != bodies {
        return Err(format!(
            "{references} footnote references for {bodies} footnotes"
        ));
    }
    mark_footnotes(&mut notes);
    mend(&mut doc, "");
    mend(&mut notes, "");
    let mut a = Vec::with_capacity(document.len() + 64);
    let mut b = Vec::with_capacity(footnotes.len() + 256);
    write(&doc, &mut a);
    write(&notes, &mut b);
    Ok((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordered(xml: &str) -> String {
        String::from_utf8(order(xml.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn paragraph_and_run_properties_come_in_schema_order() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:pPr><w:rPr /><w:numPr><w:numId w:val="2" /><w:ilvl w:val="0" /></w:numPr><w:pStyle w:val="A" /></w:pPr><w:r><w:rPr><w:sz w:val="20" /><w:b /><w:rFonts w:ascii="T" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            ordered(xml),
            r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="A" /><w:numPr><w:ilvl w:val="0" /><w:numId w:val="2" /></w:numPr><w:rPr /></w:pPr><w:r><w:rPr><w:rFonts w:ascii="T" /><w:b /><w:sz w:val="20" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p></w:body></w:document>"#
        );
    }

    #[test]
    fn a_style_s_paragraph_properties_lose_their_empty_run_properties() {
        let xml = r#"<w:styles><w:style w:styleId="T"><w:rPr><w:b /></w:rPr><w:pPr><w:rPr /><w:ind w:left="1" /><w:spacing w:after="1" /></w:pPr><w:name w:val="T" /><w:basedOn w:val="Normal" /></w:style></w:styles>"#;
        assert_eq!(
            ordered(xml),
            r#"<w:styles><w:style w:styleId="T"><w:name w:val="T" /><w:basedOn w:val="Normal" /><w:pPr><w:spacing w:after="1" /><w:ind w:left="1" /></w:pPr><w:rPr><w:b /></w:rPr></w:style></w:styles>"#
        );
    }

    #[test]
    fn unknown_children_and_text_keep_their_place() {
        let xml = r#"<a><w:sectPr><w:x /><w:pgSz /><w:headerReference /></w:sectPr><t>é &lt; <![CDATA[x]]><!-- c --></t></a>"#;
        assert_eq!(
            ordered(xml),
            r#"<a><w:sectPr><w:headerReference /><w:pgSz /><w:x /></w:sectPr><t>é &lt; <![CDATA[x]]><!-- c --></t></a>"#
        );
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(order(b"<a><b></a>").is_err());
        assert!(order(b"<a>").is_err());
    }

    #[test]
    fn footnotes_are_numbered_by_their_order_whatever_ids_docx_rs_gave() {
        let document = r#"<w:document><w:body><w:p><w:r><w:footnoteReference w:id="85" /></w:r><w:r><w:footnoteReference w:id="85" /></w:r></w:p></w:body></w:document>"#;
        let notes = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p /></w:footnote><w:footnote w:id="85"><w:p /></w:footnote><w:footnote w:id="85"><w:p /></w:footnote></w:footnotes>"#;
        let (d, n) = document_and_footnotes(document.as_bytes(), notes.as_bytes()).unwrap();
        let (d, n) = (String::from_utf8(d).unwrap(), String::from_utf8(n).unwrap());
        assert!(
            d.contains(r#"w:id="1""#) && d.contains(r#"w:id="2""#),
            "{d}"
        );
        assert!(
            n.contains(r#"w:id="-1""#)
                && n.contains(r#"<w:footnote w:id="1">"#)
                && n.contains(r#"<w:footnote w:id="2">"#),
            "{n}"
        );
        assert!(document_and_footnotes(document.as_bytes(), b"<w:footnotes />").is_err());
    }

    #[test]
    fn every_footnote_gets_its_mark_once() {
        let xml = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator /></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText" /></w:pPr><w:r><w:t>Note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let document = br#"<w:document><w:r><w:footnoteReference w:id="1" /></w:r></w:document>"#;
        let (_, once) = document_and_footnotes(document, xml.as_bytes()).unwrap();
        let (_, twice) = document_and_footnotes(document, &once).unwrap();
        assert_eq!(once, twice);
        let text = String::from_utf8(once).unwrap();
        assert_eq!(text.matches("<w:footnoteRef />").count(), 1);
        assert!(text.contains(r#"</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteRef /></w:r><w:r><w:t>Note.</w:t>"#));
    }
}
