//! Lambda (restJson1): functions, their versions, aliases, tags and invocation, named
//! by the catalog (`operation = "lambda#..."`), which supplies each member's place on
//! the wire (URI label, query string, header, payload or JSON body).

// Members are the service's own; their documentation is the Lambda API reference.
#![allow(missing_docs)]

use std::collections::HashMap;

use awsjson::{Blob, aws_json_operation, aws_json_shape};

/// The code of a function: here a .zip archive sent inline.
#[aws_json_shape(shape = "lambda#FunctionCode")]
#[derive(Debug, Clone, Default)]
pub struct FunctionCode {
    pub zip_file: Option<Blob>,
}

/// A function's environment variables, as sent.
#[aws_json_shape(shape = "lambda#Environment")]
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub variables: Option<HashMap<String, String>>,
}

/// A function's environment variables, as answered.
#[aws_json_shape(shape = "lambda#EnvironmentResponse")]
#[derive(Debug, Clone)]
pub struct EnvironmentResponse {
    pub variables: Option<HashMap<String, String>>,
}

/// A function's settings, as CreateFunction, GetFunctionConfiguration and the list
/// operations answer them.
#[aws_json_shape(shape = "lambda#FunctionConfiguration")]
#[derive(Debug, Clone)]
pub struct FunctionConfiguration {
    pub function_name: Option<String>,
    pub function_arn: Option<String>,
    pub runtime: Option<String>,
    pub role: Option<String>,
    pub handler: Option<String>,
    pub code_size: Option<i64>,
    pub description: Option<String>,
    pub timeout: Option<i32>,
    pub memory_size: Option<i32>,
    pub code_sha256: Option<String>,
    pub version: Option<String>,
    pub environment: Option<EnvironmentResponse>,
    pub state: Option<String>,
}

/// Where a function's code can be downloaded from.
#[aws_json_shape(shape = "lambda#FunctionCodeLocation")]
#[derive(Debug, Clone)]
pub struct FunctionCodeLocation {
    pub repository_type: Option<String>,
    pub location: Option<String>,
}

#[aws_json_operation(
    operation = "lambda#CreateFunction",
    output = FunctionConfiguration,
    errors(InvalidParameterValueException, ResourceConflictException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct CreateFunction {
    pub function_name: String,
    pub runtime: Option<String>,
    pub role: String,
    pub handler: Option<String>,
    pub code: FunctionCode,
    pub description: Option<String>,
    pub timeout: Option<i32>,
    pub memory_size: Option<i32>,
    pub environment: Option<Environment>,
    pub tags: Option<HashMap<String, String>>,
}

#[aws_json_operation(
    operation = "lambda#GetFunction",
    output = GetFunctionResponse,
    errors(InvalidParameterValueException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct GetFunction {
    /// A name, a partial ARN or a full ARN (its `:` are escaped in the path).
    pub function_name: String,
    /// A version or an alias (query string `Qualifier`).
    pub qualifier: Option<String>,
}

#[aws_json_shape(shape = "lambda#GetFunctionResponse")]
#[derive(Debug, Clone)]
pub struct GetFunctionResponse {
    pub configuration: Option<FunctionConfiguration>,
    pub code: Option<FunctionCodeLocation>,
    pub tags: Option<HashMap<String, String>>,
}

#[aws_json_operation(
    operation = "lambda#ListFunctions",
    output = ListFunctionsResponse,
    errors(InvalidParameterValueException),
)]
#[derive(Debug, Clone, Default)]
pub struct ListFunctions {
    pub marker: Option<String>,
    pub max_items: Option<i32>,
}

#[aws_json_shape(shape = "lambda#ListFunctionsResponse")]
#[derive(Debug, Clone)]
pub struct ListFunctionsResponse {
    pub next_marker: Option<String>,
    pub functions: Option<Vec<FunctionConfiguration>>,
}

#[aws_json_operation(
    operation = "lambda#DeleteFunction",
    output = DeleteFunctionResponse,
    errors(InvalidParameterValueException, ResourceConflictException, ResourceNotFoundException),
)]
#[derive(Debug, Clone, Default)]
pub struct DeleteFunction {
    pub function_name: String,
    pub qualifier: Option<String>,
}

#[aws_json_shape(shape = "lambda#DeleteFunctionResponse")]
#[derive(Debug, Clone)]
pub struct DeleteFunctionResponse {
    /// The HTTP status of the answer (bound to the response code).
    pub status_code: Option<i32>,
}

#[aws_json_shape(shape = "lambda#ResourceNotFoundException")]
#[derive(Debug, Clone)]
pub struct ResourceNotFoundException {
    pub r#type: Option<String>,
    pub message: Option<String>,
}

#[aws_json_shape(shape = "lambda#ResourceConflictException")]
#[derive(Debug, Clone)]
pub struct ResourceConflictException {
    pub r#type: Option<String>,
    pub message: Option<String>,
}

#[aws_json_shape(shape = "lambda#InvalidParameterValueException")]
#[derive(Debug, Clone)]
pub struct InvalidParameterValueException {
    pub r#type: Option<String>,
    pub message: Option<String>,
}

/// A .zip archive holding one file, stored without compression: enough for Lambda's
/// inline `ZipFile`, with no compression library.
pub fn zip_one_file(name: &str, contents: &[u8]) -> Vec<u8> {
    let crc = crc32(contents);
    let size = u32::try_from(contents.len()).expect("a file under 4 GiB");
    let name_len = u16::try_from(name.len()).expect("a short file name");
    let mut local = Vec::new();
    // Local file header: version 1.0, no flags, stored, a fixed DOS time (1980-01-01).
    local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    local.extend_from_slice(&[10, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
    local.extend_from_slice(&crc.to_le_bytes());
    local.extend_from_slice(&size.to_le_bytes());
    local.extend_from_slice(&size.to_le_bytes());
    local.extend_from_slice(&name_len.to_le_bytes());
    local.extend_from_slice(&0u16.to_le_bytes());
    local.extend_from_slice(name.as_bytes());
    local.extend_from_slice(contents);
    let central_at = u32::try_from(local.len()).expect("a small archive");
    let mut central = Vec::new();
    central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    // Made by Unix 3.0 (so the mode below is read), needs 1.0, no flags, stored, time.
    central.extend_from_slice(&[30, 3, 10, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
    central.extend_from_slice(&crc.to_le_bytes());
    central.extend_from_slice(&size.to_le_bytes());
    central.extend_from_slice(&size.to_le_bytes());
    central.extend_from_slice(&name_len.to_le_bytes());
    // Extra and comment lengths, disk 0, internal attributes.
    central.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
    // External attributes: a regular file, mode 0644.
    central.extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
    central.extend_from_slice(&0u32.to_le_bytes());
    central.extend_from_slice(name.as_bytes());
    let central_len = u32::try_from(central.len()).expect("a small directory");
    let mut zip = local;
    zip.extend_from_slice(&central);
    // End of central directory: one entry on disk 0, no comment.
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    zip.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend_from_slice(&central_len.to_le_bytes());
    zip.extend_from_slice(&central_at.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    zip
}

/// CRC-32 (IEEE, reflected), bit by bit: a few hundred bytes need no table.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_answer() {
        // The check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn zip_holds_the_file() {
        let zip = zip_one_file("index.py", b"print(1)\n");
        assert_eq!(&zip[..4], b"PK\x03\x04");
        assert_eq!(&zip[30..38], b"index.py");
        assert_eq!(&zip[38..47], b"print(1)\n");
        // The end record points at the central directory, which names the file again.
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], b"PK\x05\x06");
        let at = u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize;
        assert_eq!(&zip[at..at + 4], b"PK\x01\x02");
        assert_eq!(&zip[at + 46..at + 54], b"index.py");
    }
}
