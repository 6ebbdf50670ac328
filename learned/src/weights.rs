//! `model.safetensors` → f32 tensors by name. Weights are stored small (f16, or int8 with
//! a scale per row) to keep the download small, and widened once here: the f32 kernels
//! are the fast ones, natively and in wasm (see ../shared/TOOLCHAIN.md).
//!
//! This is most of the learned tier's cold start (its synchronous part, on the
//! background's thread), so each value is written once into a buffer of its final size
//! and the layout the model keeps: no vector grown piece by piece, no strided copy after.

use std::collections::HashMap;

use candle_core::{Device, Tensor};
use safetensors::{Dtype, SafeTensors};

use crate::config::Storage;
use crate::error::{candle_message, LoadError, ModelFile};

/// The suffix of an int8 matrix's per-row scales.
const SCALE: &str = ".scale";

/// Every tensor in `bytes`, widened to f32 (the `.scale` companions are folded into
/// their matrices), checked against the storage the config announces. Int8 storage may
/// keep a matrix F16: the export does so where int8 would cost accuracy (an outlier
/// weight makes a row's scale too coarse). A matrix `transposed(name)` names is kept
/// transposed (stored `[out, in]`, returned `[in, out]`, the layout the encoder's
/// products read).
pub fn read(
    bytes: &[u8],
    storage: Storage,
    transposed: impl Fn(&str) -> bool,
) -> Result<HashMap<String, Tensor>, LoadError> {
    let err = |m: String| LoadError::new(ModelFile::Weights, m);
    let file = SafeTensors::deserialize(bytes)
        .map_err(|e| err(format!("not a readable safetensors file (truncated?): {e}")))?;
    let mut tensors = HashMap::new();
    for (name, view) in file.tensors() {
        if storage == Storage::Int8 && name.ends_with(SCALE) {
            continue; // read with its matrix
        }
        let mut shape = view.shape().to_vec();
        let mut values = match (storage, view.dtype(), shape.len()) {
            (_, Dtype::F16, _) => widen_f16(view.data()),
            (Storage::Int8, Dtype::I8, 2) => {
                let scale = scales(&file, &name, shape[0])?;
                dequantise(view.data(), &scale, shape[1])
            }
            (_, dtype, rank) => {
                let expected = match (storage, rank) {
                    (Storage::Int8, 2) => "I8 (with a .scale per row) or F16",
                    _ => "F16",
                };
                return Err(err(format!(
                    "tensor {name} {shape:?} is stored as {dtype:?}; storage {storage:?} in config.json wants {expected}"
                )));
            }
        };
        if let (&[rows, columns], true) = (shape.as_slice(), transposed(&name)) {
            values = transpose(&values, rows, columns);
            shape = vec![columns, rows];
        }
        let tensor = Tensor::from_vec(values, shape.as_slice(), &Device::Cpu)
            .map_err(|e| err(format!("tensor {name}: {}", candle_message(&e))))?;
        tensors.insert(name, tensor);
    }
    Ok(tensors)
}

/// The F32 row scales of the int8 matrix `name` with `rows` rows.
fn scales(file: &SafeTensors<'_>, name: &str, rows: usize) -> Result<Vec<f32>, LoadError> {
    let err = |m: String| LoadError::new(ModelFile::Weights, m);
    let scale_name = format!("{name}{SCALE}");
    let view = file
        .tensor(&scale_name)
        .map_err(|_| err(format!("int8 matrix {name} has no {scale_name}")))?;
    if view.dtype() != Dtype::F32 || view.shape() != [rows] {
        return Err(err(format!(
            "{scale_name} is {:?} {:?}; expected F32 [{rows}] (one scale per row)",
            view.dtype(),
            view.shape()
        )));
    }
    Ok(view
        .data()
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

/// Little-endian F16 bytes to f32 (byte by byte: the buffer need not be aligned).
fn widen_f16(data: &[u8]) -> Vec<f32> {
    data.chunks_exact(2)
        .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
        .collect()
}

/// Per-row symmetric int8: value = q * scale[row]. (Written into a buffer of the final
/// size: collecting a `flat_map` grows the vector step by step, which cost a tenth of the
/// load in wasm.)
fn dequantise(data: &[u8], scale: &[f32], columns: usize) -> Vec<f32> {
    let mut values = Vec::with_capacity(data.len());
    for (row, &s) in data.chunks_exact(columns.max(1)).zip(scale) {
        values.extend(row.iter().map(|&q| f32::from(q as i8) * s));
    }
    values
}

/// The `[columns, rows]` transpose of the row-major `[rows, columns]` matrix `values`.
/// (candle's strided copy of a transposed view took a sixth of the load in wasm.)
fn transpose(values: &[f32], rows: usize, columns: usize) -> Vec<f32> {
    let mut out = Vec::with_capacity(values.len());
    for column in 0..columns {
        out.extend(
            values
                .iter()
                .skip(column)
                .step_by(columns.max(1))
                .take(rows),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dequantises_per_row() {
        let q = [1i8, -2, 127, -127].map(|v| v as u8);
        assert_eq!(dequantise(&q, &[0.5, 2.0], 2), [0.5, -1.0, 254.0, -254.0]);
    }

    #[test]
    fn widens_f16() {
        let bytes: Vec<u8> = [1.5f32, -0.25]
            .iter()
            .flat_map(|&v| half::f16::from_f32(v).to_le_bytes())
            .collect();
        assert_eq!(widen_f16(&bytes), [1.5, -0.25]);
    }

    #[test]
    fn transposes() {
        let m = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]; // [2, 3]
        assert_eq!(transpose(&m, 2, 3), [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
    }
}
