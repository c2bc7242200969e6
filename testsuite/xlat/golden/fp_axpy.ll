define hidden range(i32 4, 10) i32 @fvp_100b0_fp_axpy(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 336
  %f1072 = load double, ptr %5, align 8, !tbaa !5
  %6 = getelementptr inbounds i8, ptr %cpu, i64 360
  %f13 = load i64, ptr %6, align 8, !tbaa !5
  %7 = getelementptr inbounds i8, ptr %cpu, i64 368
  %f14 = load i64, ptr %7, align 8, !tbaa !5
  %8 = getelementptr inbounds i8, ptr %cpu, i64 376
  %f15 = load i64, ptr %8, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p28 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p28, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100d0:                                          ; preds = %entry.switch, %cont60
  %f13.slot.0 = phi i64 [ %ld42.lcssa, %cont60 ], [ %f13, %entry.switch ]
  %f15.slot.0 = phi i64 [ %66, %cont60 ], [ 0, %entry.switch ]
  %instret.slot.1 = phi i64 [ %instret.n64, %cont60 ], [ %instret.n31, %entry.switch ]
  %9 = bitcast i64 %f15.slot.0 to double
  %fcvt = tail call i32 @llvm.fptosi.sat.i32.f64(double %9)
  %10 = and i64 %f15.slot.0, 9223372036854775807
  %isnan66 = icmp ugt i64 %10, 9218868437227405312
  %11 = sext i32 %fcvt to i64
  %12 = select i1 %isnan66, i64 2147483647, i64 %11
  %olt = fcmp olt double %9, 0.000000e+00
  %13 = zext i1 %olt to i64
  %14 = add nsw i64 %12, %13
  %15 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start, %b_100d0
  %f13.slot.1 = phi i64 [ %f13.slot.0, %b_100d0 ], [ %f13, %start ]
  %f14.slot.0 = phi i64 [ 0, %b_100d0 ], [ %f14, %start ]
  %x12.slot.2 = phi i64 [ 0, %b_100d0 ], [ %x12, %start ]
  %x11.slot.1 = phi i64 [ %13, %b_100d0 ], [ %x11, %start ]
  %x10.slot.1 = phi i64 [ %14, %b_100d0 ], [ %x10, %start ]
  %f15.slot.1 = phi i64 [ %f15.slot.0, %b_100d0 ], [ %f15, %start ]
  %instret.slot.2 = phi i64 [ %instret.slot.1, %b_100d0 ], [ %instret, %start ]
  %exit.pc = phi i64 [ %15, %b_100d0 ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %b_100d0 ], [ 9, %start ]
  %exit.count = phi i64 [ 5, %b_100d0 ], [ 0, %start ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %x12.slot.2, ptr %4, align 8, !tbaa !5
  store i64 %f13.slot.1, ptr %6, align 8, !tbaa !5
  store i64 %f14.slot.0, ptr %7, align 8, !tbaa !5
  store i64 %f15.slot.1, ptr %8, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p28, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %16 = icmp eq i64 %x12, 0
  %instret.n31 = add i64 %instret, 2
  br i1 %16, label %b_100d0, label %cont

cont:                                             ; preds = %entry.switch
  %17 = tail call i64 @llvm.usub.sat.i64(i64 %x10, i64 274877911040)
  %18 = tail call i64 @llvm.usub.sat.i64(i64 %x11, i64 274877911040)
  %iv.addr74 = sub i64 %x11, %18
  %host75 = getelementptr i8, ptr %mem_base, i64 %iv.addr74
  %ld7376 = load double, ptr %host75, align 1, !tbaa !8
  %iv.addr4077 = sub i64 %x10, %17
  %host4178 = getelementptr i8, ptr %mem_base, i64 %iv.addr4077
  %ld4279 = load i64, ptr %host4178, align 1, !tbaa !8
  %fmul80 = fmul double %f1072, %ld7376
  %19 = bitcast i64 %ld4279 to double
  %fadd81 = fadd double %fmul80, %19
  %isnan4782 = fcmp uno double %fadd81, 0.000000e+00
  %canon4883 = select i1 %isnan4782, double 0x7FF8000000000000, double %fadd81, !fvp.canon !10
  store double %canon4883, ptr %host4178, align 1, !tbaa !8
  %20 = add i64 %x12, -1
  %.not84 = icmp eq i64 %20, 0
  br i1 %.not84, label %cont60, label %taken59.preheader

taken59.preheader:                                ; preds = %cont
  %21 = mul i64 %x12, 10
  %22 = add i64 %instret, %21
  %min.iters.check = icmp ult i64 %x12, 9
  br i1 %min.iters.check, label %taken59.preheader117, label %vector.memcheck

vector.memcheck:                                  ; preds = %taken59.preheader
  %umin = tail call i64 @llvm.umin.i64(i64 %x10, i64 274877911040)
  %23 = getelementptr i8, ptr %mem_base, i64 %umin
  %scevgep = getelementptr i8, ptr %23, i64 8
  %24 = shl i64 %x12, 3
  %25 = getelementptr i8, ptr %mem_base, i64 %umin
  %scevgep104 = getelementptr i8, ptr %25, i64 %24
  %umin105 = tail call i64 @llvm.umin.i64(i64 %x11, i64 274877911040)
  %26 = getelementptr i8, ptr %mem_base, i64 %umin105
  %scevgep106 = getelementptr i8, ptr %26, i64 8
  %27 = getelementptr i8, ptr %mem_base, i64 %umin105
  %scevgep107 = getelementptr i8, ptr %27, i64 %24
  %bound0 = icmp ult ptr %scevgep, %scevgep107
  %bound1 = icmp ult ptr %scevgep106, %scevgep104
  %found.conflict = and i1 %bound0, %bound1
  br i1 %found.conflict, label %taken59.preheader117, label %vector.ph

vector.ph:                                        ; preds = %vector.memcheck
  %n.vec = and i64 %20, -4
  %ind.end = and i64 %20, 3
  %28 = shl i64 %n.vec, 3
  %ind.end108 = add i64 %x10, %28
  %29 = shl i64 %n.vec, 3
  %ind.end110 = add i64 %x11, %29
  %broadcast.splatinsert = insertelement <2 x double> poison, double %f1072, i64 0
  %broadcast.splat = shufflevector <2 x double> %broadcast.splatinsert, <2 x double> poison, <2 x i32> zeroinitializer
  br label %vector.body

vector.body:                                      ; preds = %vector.body, %vector.ph
  %index = phi i64 [ 0, %vector.ph ], [ %index.next, %vector.body ]
  %30 = shl i64 %index, 3
  %offset.idx = add i64 %x10, %30
  %31 = shl i64 %index, 3
  %offset.idx112 = add i64 %x11, %31
  %32 = add i64 %offset.idx112, 8
  %33 = add i64 %offset.idx, 8
  %34 = sub i64 %32, %18
  %35 = getelementptr i8, ptr %mem_base, i64 %34
  %36 = getelementptr i8, ptr %35, i64 16
  %wide.load = load <2 x double>, ptr %35, align 1, !tbaa !8, !alias.scope !11
  %wide.load113 = load <2 x double>, ptr %36, align 1, !tbaa !8, !alias.scope !11
  %37 = sub i64 %33, %17
  %38 = getelementptr i8, ptr %mem_base, i64 %37
  %39 = getelementptr i8, ptr %38, i64 16
  %wide.load114116 = load <2 x double>, ptr %38, align 1, !tbaa !8, !alias.scope !14, !noalias !11
  %wide.load115 = load <2 x i64>, ptr %39, align 1, !tbaa !8, !alias.scope !14, !noalias !11
  %40 = fmul <2 x double> %broadcast.splat, %wide.load
  %41 = fmul <2 x double> %broadcast.splat, %wide.load113
  %42 = bitcast <2 x i64> %wide.load115 to <2 x double>
  %43 = fadd <2 x double> %40, %wide.load114116
  %44 = fadd <2 x double> %41, %42
  %45 = fcmp uno <2 x double> %43, zeroinitializer
  %46 = fcmp uno <2 x double> %44, zeroinitializer
  %47 = select <2 x i1> %45, <2 x double> <double 0x7FF8000000000000, double 0x7FF8000000000000>, <2 x double> %43
  %48 = select <2 x i1> %46, <2 x double> <double 0x7FF8000000000000, double 0x7FF8000000000000>, <2 x double> %44
  %49 = getelementptr i8, ptr %38, i64 16
  store <2 x double> %47, ptr %38, align 1, !tbaa !8, !alias.scope !14, !noalias !11
  store <2 x double> %48, ptr %49, align 1, !tbaa !8, !alias.scope !14, !noalias !11
  %index.next = add nuw i64 %index, 4
  %50 = icmp eq i64 %index.next, %n.vec
  br i1 %50, label %middle.block, label %vector.body, !llvm.loop !16

middle.block:                                     ; preds = %vector.body
  %51 = extractelement <2 x double> %48, i64 1
  %52 = extractelement <2 x i1> %46, i64 1
  %53 = extractelement <2 x double> %44, i64 1
  %54 = extractelement <2 x i64> %wide.load115, i64 1
  %cmp.n = icmp eq i64 %20, %n.vec
  br i1 %cmp.n, label %cont60.loopexit, label %taken59.preheader117

taken59.preheader117:                             ; preds = %middle.block, %vector.memcheck, %taken59.preheader
  %.ph = phi i64 [ %20, %vector.memcheck ], [ %20, %taken59.preheader ], [ %ind.end, %middle.block ]
  %x10.slot.086.ph = phi i64 [ %x10, %vector.memcheck ], [ %x10, %taken59.preheader ], [ %ind.end108, %middle.block ]
  %x11.slot.085.ph = phi i64 [ %x11, %vector.memcheck ], [ %x11, %taken59.preheader ], [ %ind.end110, %middle.block ]
  br label %taken59

taken59:                                          ; preds = %taken59.preheader117, %taken59
  %55 = phi i64 [ %59, %taken59 ], [ %.ph, %taken59.preheader117 ]
  %x10.slot.086 = phi i64 [ %57, %taken59 ], [ %x10.slot.086.ph, %taken59.preheader117 ]
  %x11.slot.085 = phi i64 [ %56, %taken59 ], [ %x11.slot.085.ph, %taken59.preheader117 ]
  %56 = add i64 %x11.slot.085, 8
  %57 = add i64 %x10.slot.086, 8
  %iv.addr = sub i64 %56, %18
  %host = getelementptr i8, ptr %mem_base, i64 %iv.addr
  %ld73 = load double, ptr %host, align 1, !tbaa !8
  %iv.addr40 = sub i64 %57, %17
  %host41 = getelementptr i8, ptr %mem_base, i64 %iv.addr40
  %ld42 = load i64, ptr %host41, align 1, !tbaa !8
  %fmul = fmul double %f1072, %ld73
  %58 = bitcast i64 %ld42 to double
  %fadd = fadd double %fmul, %58
  %isnan47 = fcmp uno double %fadd, 0.000000e+00
  %canon48 = select i1 %isnan47, double 0x7FF8000000000000, double %fadd, !fvp.canon !10
  store double %canon48, ptr %host41, align 1, !tbaa !8
  %59 = add i64 %55, -1
  %.not = icmp eq i64 %59, 0
  br i1 %.not, label %cont60.loopexit, label %taken59, !llvm.loop !19

cont60.loopexit:                                  ; preds = %taken59, %middle.block
  %ld42.lcssa103 = phi i64 [ %54, %middle.block ], [ %ld42, %taken59 ]
  %fadd.lcssa102 = phi double [ %53, %middle.block ], [ %fadd, %taken59 ]
  %isnan47.lcssa101 = phi i1 [ %52, %middle.block ], [ %isnan47, %taken59 ]
  %canon48.lcssa100 = phi double [ %51, %middle.block ], [ %canon48, %taken59 ]
  %60 = add i64 %22, -8
  br label %cont60

cont60:                                           ; preds = %cont60.loopexit, %cont
  %instret.slot.0.lcssa = phi i64 [ %instret.n31, %cont ], [ %60, %cont60.loopexit ]
  %ld42.lcssa = phi i64 [ %ld4279, %cont ], [ %ld42.lcssa103, %cont60.loopexit ]
  %fadd.lcssa = phi double [ %fadd81, %cont ], [ %fadd.lcssa102, %cont60.loopexit ]
  %isnan47.lcssa = phi i1 [ %isnan4782, %cont ], [ %isnan47.lcssa101, %cont60.loopexit ]
  %canon48.lcssa = phi double [ %canon4883, %cont ], [ %canon48.lcssa100, %cont60.loopexit ]
  %61 = tail call double @llvm.fabs.f64(double %fadd.lcssa)
  %62 = bitcast double %61 to i64
  %63 = select i1 %isnan47.lcssa, i64 9221120237041090560, i64 %62
  %64 = bitcast double %canon48.lcssa to i64
  %65 = and i64 %64, -9223372036854775808
  %66 = or disjoint i64 %65, %63
  %instret.n64 = add i64 %instret.slot.0.lcssa, 10
  br label %b_100d0
}
