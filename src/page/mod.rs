//! Page understanding: the document model and its front ends (HTML, text), which blocks
//! are the article, who wrote it, what kind of article it is and what the page declares
//! about its author and publisher.

pub mod article_type;
pub mod byline;
pub mod disclosure;
#[cfg(not(target_arch = "wasm32"))]
pub mod document;
pub(crate) mod extract;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod jsonld;
pub mod metadata;
pub mod model;
pub mod roles;

pub use roles::BlockRole;
