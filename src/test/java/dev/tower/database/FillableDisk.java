package dev.tower.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:fillable:/path}) over the real disk whose writes fail the way a full disk's do,
 * with the operating system's "No space left on device", while {@link #fill()} is in effect.
 */
public class FillableDisk extends FilePathWrapper {

	private static final AtomicBoolean full = new AtomicBoolean();

	/** Makes the scheme known to H2; call before the first connection. */
	public static void register() {
		FilePath.register(new FillableDisk());
	}

	public static void fill() {
		full.set(true);
	}

	public static void free() {
		full.set(false);
	}

	@Override
	public String getScheme() {
		return "fillable";
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new Channel(getBase().open(mode));
	}

	private static void refuseWhenFull() throws IOException {
		if (full.get()) {
			throw new IOException("No space left on device");
		}
	}

	private static final class Channel extends FileBaseDefault {

		private final FileChannel base;

		Channel(FileChannel base) {
			this.base = base;
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			return base.read(dst, position);
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			refuseWhenFull();
			return base.write(src, position);
		}

		@Override
		protected void implTruncate(long size) throws IOException {
			base.truncate(size);
		}

		@Override
		public long size() throws IOException {
			return base.size();
		}

		@Override
		public void force(boolean metaData) throws IOException {
			refuseWhenFull();
			base.force(metaData);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return base.tryLock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			base.close();
		}

	}

}
