// Releasing a mapped input's pages behind a pass: the text reads the same
// afterwards, and a buffer that is not mapped (its memory the only copy) is
// left alone.
#include "base/InputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace certc;

namespace {
/// A temporary file of Size bytes, a different byte on every page.
struct TempFile {
  explicit TempFile(size_t Size) {
    int FD;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("input-file-test", "json", FD, Path));
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    for (size_t I = 0; I < Size; ++I)
      Text += static_cast<char>('a' + (I / 4096) % 26);
    OS << Text;
  }
  ~TempFile() { llvm::sys::fs::remove(Path); }
  llvm::SmallString<128> Path;
  std::string Text;
};
} // namespace

TEST(InputFile, ReleasedPagesOfAMappedFileReadTheSame) {
  // Large enough to be mapped, and not a whole number of pages.
  TempFile F(1'000'001);
  InputFile In = readInputFile(F.Path, 1 << 30);
  ASSERT_TRUE(In.Buffer);
  ASSERT_EQ(In.Buffer->getBufferKind(), llvm::MemoryBuffer::MemoryBuffer_MMap);
  ASSERT_EQ(In.Buffer->getBuffer(), F.Text);
  releaseMappedPages(*In.Buffer, 0, In.Buffer->getBufferSize());
  EXPECT_EQ(In.Buffer->getBuffer(), F.Text);
  // Parts not on page boundaries, passes over it again.
  ReleaseBehind Behind(*In.Buffer);
  for (int Pass = 0; Pass < 2; ++Pass)
    for (size_t Offset = 0; Offset <= F.Text.size(); Offset += 300'007)
      Behind.doneUpTo(Offset);
  releaseMappedPages(*In.Buffer, 12'345, 900'001);
  EXPECT_EQ(In.Buffer->getBuffer(), F.Text);
}

TEST(InputFile, ABufferInMemoryIsNotReleased) {
  std::string Text(1 << 20, 'x');
  std::unique_ptr<llvm::MemoryBuffer> Copy = llvm::MemoryBuffer::getMemBufferCopy(Text, "copy");
  ASSERT_NE(Copy->getBufferKind(), llvm::MemoryBuffer::MemoryBuffer_MMap);
  releaseMappedPages(*Copy, 0, Copy->getBufferSize());
  ReleaseBehind(*Copy).doneUpTo(Copy->getBufferSize());
  EXPECT_EQ(Copy->getBuffer(), Text); // madvise would have zeroed its pages
}
