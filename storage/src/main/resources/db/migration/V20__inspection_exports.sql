-- Each participating inspectorate's export of what it requested from a closed inspection (issue 17, docs/adr/0028).
-- No foreign key to inspection: who exported what must outlive the inspection's removal (the removal certificate
-- names it); the rows hold no content, only ids, counts and digests.
create table inspection_export (
    id             text primary key,
    inspection_id  text not null,
    inspectorate   text not null,
    exported_by    text not null,
    exported_at    timestamptz not null,
    documents      integer not null check (documents >= 0),
    bytes          bigint not null check (bytes >= 0),
    sha256         text not null,
    -- the archive's identity (ExportArchive.identity): the same bytes have the same identity, and so the same sha256
    archive_identity text not null
);

create index inspection_export_inspection on inspection_export (inspection_id, exported_at);
create index inspection_export_identity on inspection_export (archive_identity);

-- The CRC-32 of each evidence document, learnt when an export first streams it whole: a resumed export (HTTP Range)
-- writes the ZIP's central directory without reading again the documents it skips. Removed with the document.
create table export_entry_crc (
    document_id text primary key references evidence_document (id) on delete cascade,
    crc32       bigint not null check (crc32 between 0 and 4294967295)
);
