//! Uploaded files: multipart forms (with their CSRF field) and raw request
//! bodies, streamed into memory or a temporary file within a size limit, so
//! a large import never sits whole in memory.

use std::io::Write;

use actix_multipart::Multipart;
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;

use super::context::check_csrf;
use crate::error::{AppError, AppResult};

/// Copies the `file` field of a multipart form into `sink` and checks the
/// form's `csrf` field (which must come before the file, as our forms put
/// it).
async fn multipart_into(
    req: &HttpRequest,
    mut payload: Multipart,
    limit: usize,
    sink: &mut impl Write,
) -> AppResult<()> {
    let mut csrf_checked = false;
    let mut written = 0usize;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| AppError::Validation("error-form-invalid"))?;
        let name = field.name().unwrap_or("").to_string();
        let mut small = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::Validation("error-form-invalid"))?;
            match name.as_str() {
                "file" if csrf_checked => {
                    written += chunk.len();
                    if written > limit {
                        return Err(AppError::PayloadTooLarge);
                    }
                    sink.write_all(&chunk).map_err(anyhow::Error::from)?;
                }
                "file" => return Err(AppError::Csrf),
                _ if small.len() + chunk.len() <= 4096 => small.extend_from_slice(&chunk),
                _ => return Err(AppError::PayloadTooLarge),
            }
        }
        if name == "csrf" {
            check_csrf(req, &String::from_utf8_lossy(&small))?;
            csrf_checked = true;
        }
    }
    if !csrf_checked {
        return Err(AppError::Csrf);
    }
    Ok(())
}

pub async fn multipart_to_bytes(req: &HttpRequest, payload: Multipart, limit: usize) -> AppResult<Vec<u8>> {
    let mut out = Vec::new();
    multipart_into(req, payload, limit, &mut out).await?;
    Ok(out)
}

pub async fn multipart_to_file(
    req: &HttpRequest,
    payload: Multipart,
    limit: usize,
) -> AppResult<tempfile::NamedTempFile> {
    let mut file = tempfile::NamedTempFile::new().map_err(anyhow::Error::from)?;
    multipart_into(req, payload, limit, &mut file).await?;
    file.flush().map_err(anyhow::Error::from)?;
    Ok(file)
}

/// CSV bodies of the API: `text/csv` (or text, or bytes, or no type at
/// all, as command-line tools send); a JSON or form body was meant for
/// another call and gets a 415.
pub fn require_csv(req: &HttpRequest) -> AppResult<()> {
    let Some(value) = req.headers().get(actix_web::http::header::CONTENT_TYPE) else {
        return Ok(());
    };
    let mime = value
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let csv_like = mime.starts_with("text/")
        || matches!(
            mime.as_str(),
            "application/csv" | "application/octet-stream" | "application/vnd.ms-excel"
        );
    if csv_like {
        Ok(())
    } else {
        Err(AppError::UnsupportedMediaType)
    }
}

/// A raw request body read into memory within `limit` bytes.
pub async fn body_to_bytes(mut payload: web::Payload, limit: usize) -> AppResult<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::Validation("error-form-invalid"))?;
        if out.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

/// A raw request body (API imports) streamed into a temporary file.
pub async fn body_to_file(mut payload: web::Payload, limit: usize) -> AppResult<tempfile::NamedTempFile> {
    let mut file = tempfile::NamedTempFile::new().map_err(anyhow::Error::from)?;
    let mut written = 0usize;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::Validation("error-form-invalid"))?;
        written += chunk.len();
        if written > limit {
            return Err(AppError::PayloadTooLarge);
        }
        file.write_all(&chunk).map_err(anyhow::Error::from)?;
    }
    file.flush().map_err(anyhow::Error::from)?;
    Ok(file)
}
